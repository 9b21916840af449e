#!/usr/bin/env bash
# Builds the R57 Desk packages for this OS: a jlink runtime (only the modules the app needs,
# compressed), a jpackage app image with an AOT cache trained on a real start, then the OS's
# package: a .deb on Linux (and an .rpm where rpmbuild exists), a .dmg on macOS, an .msi on
# Windows (Git Bash; needs the WiX Toolset). Run through ./r57 package (it selects JDK 25).
#
#   installers/build.sh [--skip-aot]      output in installers/target/
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?run through ./r57 package, which selects a JDK 25}"
skip_aot=0
[ "${1:-}" = "--skip-aot" ] && skip_aot=1

out=installers/target
rm -rf "$out"
mkdir -p "$out/input" "$out/fx"

# The version from the build (Maven's, without -SNAPSHOT: package versions must be numeric).
version=$(sed -n 's|.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*|\1|p' pom.xml | head -1)
echo "packaging R57 Desk $version" >&2

case "$(uname -s)" in
  Linux) os=linux; sqlite_os=Linux ;;
  Darwin) os=mac; sqlite_os=Mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; sqlite_os=Windows ;;
  *) echo "build.sh: unknown OS $(uname -s)" >&2; exit 1 ;;
esac

# The app's libraries are copied into app/target/lib by the build; an older build's jars there
# (a driver since replaced) would be packaged beside the new ones.
rm -rf app/target/lib
./mvnw -B -q --no-transfer-progress -DskipTests install
lib=app/target/lib
cp app/target/app-*.jar "$out/input/" 2>/dev/null
rm -f "$out"/input/*-tests.jar
for j in "$lib"/*.jar; do
  case "$(basename "$j")" in
    javafx-*|jdk-jsobject-*) ;;                         # JavaFX goes into the runtime as modules
    picocli-*) ;;                                       # the CLI's parser; the app does not use it
    *) cp "$j" "$out/input/" ;;
  esac
done
# sqlite-jdbc carries native libraries for every OS and CPU; keep only this platform's.
arch=$(uname -m); case "$arch" in x86_64|amd64) sq=x86_64 ;; aarch64|arm64) sq=aarch64 ;; *) sq="$arch" ;; esac
sqlite=$(ls "$out"/input/sqlite-jdbc-*.jar)
mkdir -p "$out/sq" && (cd "$out/sq" && "$JAVA_HOME/bin/jar" xf "../input/$(basename "$sqlite")")
find "$out/sq/org/sqlite/native" -mindepth 1 -maxdepth 1 ! -name "$sqlite_os" -exec rm -rf {} +
find "$out/sq/org/sqlite/native/$sqlite_os" -mindepth 1 -maxdepth 1 ! -name "$sq" -exec rm -rf {} +
rm "$sqlite" && (cd "$out/sq" && "$JAVA_HOME/bin/jar" --create --file "../input/$(basename "$sqlite")" --manifest META-INF/MANIFEST.MF -C . .)
rm -rf "$out/sq"
# Maven brings JavaFX for this OS: the jars with a platform classifier (the plain ones are empty).
for m in base graphics controls; do cp $(ls "$lib"/javafx-$m-*-*.jar) "$out/fx/"; done

# Only what the app uses: JavaFX's three modules, java.desktop (javafx.base needs it), SQL for
# SQLite, jdk.localedata for vi-VN formats, EC crypto for TLS, jdk.unsupported for Jackson/Okio.
"$JAVA_HOME/bin/jlink" --module-path "$out/fx" \
  --add-modules javafx.controls,java.sql,java.logging,java.naming,java.management,jdk.unsupported,jdk.localedata,jdk.crypto.ec,jdk.charsets \
  --include-locales=en,vi --strip-debug --no-header-files --no-man-pages --compress=zip-9 \
  --output "$out/runtime"

# The image's name is the launcher's: a command name on Linux, the name users see on macOS and Windows.
name=r57-desk; [ $os = linux ] || name="R57 Desk"
if [ $os = mac ] && [ ! -f installers/icons/r57-desk.icns ]; then
  # macOS wants .icns; made here from the PNG with the system's own tools.
  set_dir="$out/r57-desk.iconset"; mkdir -p "$set_dir"
  for px in 16 32 128 256; do
    sips -z $px $px installers/icons/r57-desk.png --out "$set_dir/icon_${px}x${px}.png" > /dev/null
    sips -z $((px * 2)) $((px * 2)) installers/icons/r57-desk.png --out "$set_dir/icon_${px}x${px}@2x.png" > /dev/null
  done
  iconutil -c icns "$set_dir" -o installers/icons/r57-desk.icns
fi
# Who maintains the packages (the .deb's Maintainer field, its changelog and copyright): read from
# app/pom.xml's r57.maintainer.* properties, the one place they are written; the app's About
# dialog shows the same, filtered into its about.properties at build time.
# The address is a GitHub no-reply placeholder until the maintainers confirm a real one.
pom_property() { sed -n "s|.*<$1>\(.*\)</$1>.*|\1|p" app/pom.xml | head -1; }
maintainer_name=$(pom_property r57.maintainer.name)
maintainer_email=$(pom_property r57.maintainer.email)
[ -n "$maintainer_name" ] && [ -n "$maintainer_email" ] || { echo "build.sh: no r57.maintainer.name/email in app/pom.xml" >&2; exit 1; }
maintainer="$maintainer_name <$maintainer_email>"
# What every image and package says about itself, in one place. Licence: Apache-2.0 (LICENSE);
# the installers show installers/LICENSE.txt (notices, bundled software) followed by its full text.
cat installers/LICENSE.txt LICENSE > "$out/LICENSE.txt"
meta=(--name "$name" --app-version "$version" --vendor "R57 Desk" --copyright "Copyright 2026 $maintainer_name. Apache-2.0"
  --description "Theo dõi Nghị quyết 57-NQ/TW — Resolution 57 steering desk")
package=("${meta[@]}" --license-file "$out/LICENSE.txt")
# The app's JVM options, the same file ./r57 run and ./r57 bench-ui use (what is measured ships).
mapfile -t jvm_opts < <(grep -v '^\s*\(#\|$\)' app/jvm.options | tr -d '\r')
java_options=(); for o in "${jvm_opts[@]}"; do java_options+=(--java-options "$o"); done
common=("${meta[@]}" --input "$out/input" --main-jar "$(basename "$(ls "$out"/input/app-*.jar)")"
  --main-class vn.r57desk.app.Main --runtime-image "$out/runtime" "${java_options[@]}")
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$out/image" "${common[@]}" \
  --java-options '-XX:AOTCache=$APPDIR/r57-desk.aot' --icon "installers/icons/r57-desk.$([ $os = linux ] && echo png || { [ $os = mac ] && echo icns || echo ico; })"

app="$out/image/r57-desk/lib/app"; java="$out/image/r57-desk/lib/runtime/bin/java"
[ $os = mac ] && { app="$out/image/R57 Desk.app/Contents/app"; java="$out/image/R57 Desk.app/Contents/runtime/Contents/Home/bin/java"; }
[ $os = windows ] && { app="$out/image/R57 Desk/app"; java="$out/image/R57 Desk/runtime/bin/java.exe"; }
if [ "$skip_aot" = 0 ]; then
  # Training run: the installed launcher's own JVM and class path, a real start to the first
  # dashboard on the embedded demo data, recorded into the AOT cache shipped in the image.
  runner=(); [ $os = linux ] && [ -z "${DISPLAY:-}" ] && runner=(xvfb-run -a -s "-screen 0 1440x900x24")
  sep=':'; [ $os = windows ] && sep=';'
  cp=$(sed -n 's|^app.classpath=\$APPDIR[/\\]||p' "$app"/*.cfg | tr -d '\r' | sed "s|^|$app/|" | tr '\n' "$sep")
  java_cmd=("$java" "${jvm_opts[@]}" -cp "$cp")
  data=$(mktemp -d)
  # The first start creates the demo data; the second, a usual start, is the one recorded.
  R57_DATA_DIR=$data "${runner[@]}" "${java_cmd[@]}" vn.r57desk.app.bench.UiBench --tour 0 > /dev/null
  R57_DATA_DIR=$data "${runner[@]}" "${java_cmd[@]}" -XX:AOTCacheOutput="$app/r57-desk.aot" \
    vn.r57desk.app.bench.UiBench --tour 0 > /dev/null 2>&1
  rm -rf "$data"
fi

if [ $os = linux ] && command -v dpkg-deb >/dev/null; then
  # jpackage's menu entry needs this folder (xdg-desktop-menu's), absent on minimal systems.
  [ -d /usr/share/desktop-directories ] || mkdir -p /usr/share/desktop-directories 2>/dev/null \
    || { echo "build.sh: create /usr/share/desktop-directories (as root) for the menu entry" >&2; exit 1; }
  "$JAVA_HOME/bin/jpackage" --type deb --dest "$out" --app-image "$out/image/r57-desk" "${package[@]}" \
    --resource-dir installers/linux \
    --linux-package-name r57-desk --linux-deb-maintainer "$maintainer_email" --linux-menu-group "Office" \
    --linux-app-category misc --linux-package-deps "libgtk-3-0" --linux-shortcut --install-dir /usr/lib
  installers/linux/repack-deb.sh "$(ls "$out"/r57-desk_*.deb)" "$version" "$maintainer"
fi
if [ $os = linux ] && command -v rpmbuild >/dev/null; then
  # The same menu entry as the .deb (Vietnamese and English names); the licence tag is the
  # project's (SPDX Apache-2.0).
  "$JAVA_HOME/bin/jpackage" --type rpm --dest "$out" --app-image "$out/image/r57-desk" "${package[@]}" \
    --resource-dir installers/linux --linux-rpm-license-type "Apache-2.0" \
    --linux-menu-group "Office" --linux-package-deps "gtk3" --linux-shortcut
  installers/check-rpm.sh "$(ls "$out"/r57-desk-*.rpm)" "$version"
fi
if [ $os = mac ]; then
  "$JAVA_HOME/bin/jpackage" --type dmg --dest "$out" --app-image "$out/image/R57 Desk.app" "${package[@]}" \
    --mac-package-identifier vn.r57desk.app
fi
if [ $os = windows ]; then
  # A fixed upgrade code: a newer .msi replaces the installed one; user data (%LOCALAPPDATA%) stays.
  "$JAVA_HOME/bin/jpackage" --type msi --dest "$out" --app-image "$out/image/R57 Desk" "${package[@]}" --win-menu --win-menu-group "R57 Desk" \
    --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f3f5e2a-57d0-4c57-9e57-2025057a57d5
fi
ls -la "$out"/*.deb "$out"/*.rpm "$out"/*.dmg "$out"/*.msi 2>/dev/null || true
