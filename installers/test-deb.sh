#!/usr/bin/env bash
# The .deb as a user meets it: build it, check it with lintian (no errors), install it, start the
# installed app under Xvfb with an empty user data folder, take a screenshot and check that it
# shows the dashboard with data, upgrade it to a next version (the user's data stays), uninstall it (the
# user's data stays, the install folder goes). Needs root (it installs packages). Run by .ci/run.
#
#   installers/test-deb.sh          screenshot and logs in installers/target/
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root: it installs and removes the package"

need=()
for c in lintian:lintian Xvfb:xvfb xvfb-run:xvfb xauth:xauth import:imagemagick fakeroot:fakeroot objcopy:binutils xwininfo:x11-utils; do
  command -v "${c%%:*}" >/dev/null || need+=("${c#*:}")
done
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  echo "test-deb: installing ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" > /dev/null
fi

./r57 package
deb=$(ls installers/target/r57-desk_*.deb)
size=$(stat -c %s "$deb")
echo "test-deb: $(basename "$deb"): $((size / 1048576)) MB"
[ "$size" -le $((80 * 1048576)) ] || fail "the .deb is larger than 80 MB"

lintian --fail-on error "$deb" > installers/target/lintian.txt 2>&1 || { cat installers/target/lintian.txt; fail "lintian reports errors"; }
echo "test-deb: lintian: no errors ($(grep -c '^W:' installers/target/lintian.txt || true) warnings)"
# The maintainer and licence build.sh sets, where Debian looks for them.
# (app/pom.xml's r57.maintainer.name: the one place build.sh reads it from)
maintainer=$(sed -n 's|.*<r57.maintainer.name>\(.*\)</r57.maintainer.name>.*|\1|p' app/pom.xml | head -1)
[ -n "$maintainer" ] || fail "no r57.maintainer.name in app/pom.xml"
dpkg-deb -f "$deb" Maintainer | grep -q "^$maintainer <.*@.*>$" || fail "Maintainer is '$(dpkg-deb -f "$deb" Maintainer)', expected '$maintainer <address>'"
dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/share/doc/r57-desk/copyright | grep -q '^License: Apache-2.0' \
  || fail "copyright does not say Apache-2.0"

# apt resolves the package's dependencies (GTK, xdg-utils…): it needs package lists.
ls /var/lib/apt/lists/ 2>/dev/null | grep -q '_Packages' || apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" > /dev/null
[ -x /usr/lib/r57-desk/bin/r57-desk ] || fail "the launcher is not installed"
grep -q '^Name\[vi\]=' /usr/share/applications/r57-desk-r57-desk.desktop || fail "no Vietnamese menu entry"

# An empty per-user data folder (XDG): the app must start on its embedded demo data, offline.
export XDG_DATA_HOME; XDG_DATA_HOME=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp > /dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
DISPLAY=$display /usr/lib/r57-desk/bin/r57-desk > installers/target/app.log 2>&1 &
app=$!
data="$XDG_DATA_HOME/r57-desk"
for _ in $(seq 60); do
  [ -s "$data/demo-cache.db" ] && DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q 'R57 Desk' && break
  sleep 1
done
[ -s "$data/demo-cache.db" ] || { cat installers/target/app.log; fail "no demo data in $data after 60 s"; }
sleep 6 # the dashboard draws its tiles and charts
shot=installers/target/installed-app.png
DISPLAY=$display import -window root "$shot"
kill "$app"; wait "$app" 2>/dev/null || true; app=
# "Shows data": the KPI tiles draw their figures in the status colours; figures on track are green.
# A window still loading, or showing an error, has no green in the content area (right of the
# sidebar, below the title). Count green pixels there.
green=$(convert "$shot" -crop 1100x650+200+100 +repage \
  -fx 'hue>0.25 && hue<0.5 && saturation>0.3 && lightness<0.6 ? 1 : 0' -format '%[fx:int(mean*w*h)]' info:)
echo "test-deb: screenshot $shot: $green green pixels in the dashboard"
[ "$green" -ge 1000 ] || fail "the screenshot does not show the dashboard with data (see $shot)"
[ ! -e /usr/lib/r57-desk/demo-cache.db ] && [ -z "$(find /usr/lib/r57-desk -name '*.db')" ] || fail "user data in the install folder"

# Upgrade: the same package as the next version (only its version raised), installed over this
# one through dpkg's upgrade path; the user's data stays.
kept=$(cd "$data" && find . -type f | sort)
up=$(mktemp -d)
dpkg-deb -R "$deb" "$up/pkg"
sed -i 's/^Version: \(.*\)$/Version: \1.1/' "$up/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 --build "$up/pkg" "$up/next.deb" > /dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$up/next.deb" > /dev/null
rm -rf "$up"
[ "$(dpkg-query -W -f '${Version}' r57-desk)" != "$(dpkg-deb -f "$deb" Version)" ] || fail "the upgrade did not happen"
[ -x /usr/lib/r57-desk/bin/r57-desk ] || fail "the upgrade lost the program"
[ -s "$data/demo-cache.db" ] && [ "$(cd "$data" && find . -type f | sort)" = "$kept" ] || fail "the upgrade changed the user's data folder"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq r57-desk > /dev/null
[ ! -e /usr/lib/r57-desk ] || fail "uninstalling left /usr/lib/r57-desk"
[ ! -e /usr/share/applications/r57-desk-r57-desk.desktop ] || fail "uninstalling left the menu entry"
[ -s "$data/demo-cache.db" ] || fail "uninstalling removed the user's data (it must stay)"
rm -rf "$XDG_DATA_HOME"
echo "test-deb: ok"
