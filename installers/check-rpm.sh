#!/usr/bin/env bash
# Checks what an .rpm built by build.sh says about itself: name, version from the build, licence
# tag, GTK dependency, and the menu entry with its Vietnamese and English names. Run by build.sh
# right after jpackage makes the .rpm (only where rpmbuild is installed).
#
#   installers/check-rpm.sh FILE.rpm VERSION
set -euo pipefail
rpmfile=$(realpath "$1"); version="$2"
fail() { echo "check-rpm: $rpmfile: $*" >&2; exit 1; }
[ -f "$rpmfile" ] || fail "no such file"
q() { rpm -qp --queryformat "$1" "$rpmfile" 2>/dev/null; }
[ "$(q '%{NAME}')" = r57-desk ] || fail "package name is '$(q '%{NAME}')', expected r57-desk"
[ "$(q '%{VERSION}')" = "$version" ] || fail "version is '$(q '%{VERSION}')', expected $version (from the build)"
[ "$(q '%{LICENSE}')" = Apache-2.0 ] || fail "licence tag is '$(q '%{LICENSE}')', expected Apache-2.0"
rpm -qpR "$rpmfile" 2>/dev/null | grep -qx gtk3 || fail "does not require gtk3"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
desktop=$(rpm -qpl "$rpmfile" 2>/dev/null | grep '\.desktop$' | head -1)
[ -n "$desktop" ] || fail "has no menu entry (.desktop)"
(cd "$tmp" && rpm2archive - < "$rpmfile" | tar -xzf - ".$desktop") || fail "cannot unpack its menu entry"
grep -q '^Name\[vi\]=.*Nghị quyết 57' "$tmp$desktop" || fail "menu entry has no Vietnamese name"
grep -q '^Name=R57 Desk' "$tmp$desktop" || fail "menu entry has no English name"
echo "check-rpm: $(basename "$rpmfile"): r57-desk $version, licence $(q '%{LICENSE}'), requires gtk3, menu entry in Vietnamese and English"
