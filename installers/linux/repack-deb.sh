#!/usr/bin/env bash
# Finishes the .deb that jpackage made so that it is a well-formed Debian package (lintian: no
# errors): native libraries stripped, copyright and changelog where Debian expects them, a long
# description, and lintian overrides for the libraries the Java runtime itself embeds.
#
#   installers/linux/repack-deb.sh PACKAGE.deb VERSION "NAME <ADDRESS>"
set -euo pipefail
deb=$1 version=$2 maintainer=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$deb" "$work/pkg"
root="$work/pkg"

# Debug symbols of the runtime's native libraries: not needed to run, and about 10 MB.
find "$root/usr/lib/r57-desk" -type f \( -name '*.so' -o -name '*.so.*' \) -exec strip --strip-unneeded {} +
for f in "$root/usr/lib/r57-desk/bin/r57-desk" "$root"/usr/lib/r57-desk/lib/runtime/bin/* "$root/usr/lib/r57-desk/lib/runtime/lib/jexec" \
         "$root/usr/lib/r57-desk/lib/runtime/lib/jspawnhelper"; do
  [ -f "$f" ] && strip --strip-unneeded "$f"
done

doc="$root/usr/share/doc/r57-desk"
mkdir -p "$doc" "$root/usr/share/lintian/overrides"
# The maintainer comes from build.sh (its one place); '|' as the separator: the address has no '|'.
sed "s|@MAINTAINER@|$maintainer|" "$here/copyright" > "$doc/copyright"
sed "s/@VERSION@/$version/; s/@DATE@/$(date -R)/; s|@MAINTAINER@|$maintainer|" "$here/changelog" | gzip -9n > "$doc/changelog.gz"
cp "$here/lintian-overrides" "$root/usr/share/lintian/overrides/r57-desk"
chmod 0644 "$doc/copyright" "$doc/changelog.gz" "$root/usr/share/lintian/overrides/r57-desk"

# A description that says what it is, in both languages (Debian wants a long description).
ctl="$root/DEBIAN/control"
# Only the Description field (its first line and its continuation lines) is replaced: jpackage may
# write Depends and Installed-Size after it, and a package without Depends installs without GTK
# or xdg-utils and fails in its postinst.
# Blank lines go too: one would start a second paragraph, which dpkg-deb refuses.
awk '/^Description:/ { skip = 1; next } skip && /^[ \t]/ { next } /^[ \t]*$/ { next } { skip = 0; print }' "$ctl" > "$ctl.new"
mv "$ctl.new" "$ctl"
cat "$here/description" >> "$ctl"
# jpackage writes the address alone; Debian wants "Name <address>".
sed -i "s|^Maintainer:.*|Maintainer: $maintainer|" "$ctl"
grep -q '^Depends:' "$ctl" || { echo "repack-deb.sh: the package lost its Depends field" >&2; exit 1; }
# Installed-Size after stripping, in KiB.
sed -i "s/^Installed-Size:.*/Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)/" "$ctl"
( cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums )
chmod 0644 "$root/DEBIAN/md5sums"

rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" > /dev/null
