#!/usr/bin/env bash
# Times the installed app's start: process start → first dashboard drawn with data, on the
# embedded demo data, with the installed runtime, class path, options and AOT cache. Prints one
# JSON line per figure. Needs the package installed (/usr/lib/r57-desk) and a display (Xvfb is used
# when there is none).
#
#   installers/measure-start.sh [RUNS]
set -euo pipefail
app=/usr/lib/r57-desk
runs=${1:-7}
[ -x "$app/bin/r57-desk" ] || { echo "measure-start: R57 Desk is not installed in $app" >&2; exit 1; }
cfg="$app/lib/app/r57-desk.cfg"
cp=$(sed -n "s|^app.classpath=\\\$APPDIR/|$app/lib/app/|p" "$cfg" | tr '\n' ':')
mapfile -t opts < <(sed -n "s|^java-options=||p" "$cfg" | sed "s|\\\$APPDIR|$app/lib/app|")
data=$(mktemp -d)
[ -n "${R57_DEBUG:-}" ] && printf "option: %s\n" "${opts[@]}" >&2
trap 'rm -rf "$data"' EXIT
run() {
  R57_DATA_DIR="$data" "$app/lib/runtime/bin/java" "${opts[@]}" -Dr57.launchedAt="$(date +%s%3N)" -cp "$cp" \
    vn.r57desk.app.bench.UiBench --tour 0 | sed -n 's/.*"startup.first_dashboard_ms","value":\([0-9]*\).*/\1/p'
}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1440x900x24" "$0" "$@"
fi
first=$(run)   # the first start creates the demo data in the (empty) data folder
all=()
for _ in $(seq "$runs"); do all+=("$(run)"); done
median=$(printf '%s\n' "${all[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
printf '{"bench":"installed","name":"start.first_run_ms","value":%s,"unit":"ms"}\n' "$first"
printf '{"bench":"installed","name":"start.first_dashboard_ms","value":%s,"unit":"ms"}\n' "$median"
printf '{"bench":"installed","name":"start.runs","value":%s,"unit":"runs"}\n' "$runs"
