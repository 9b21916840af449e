#!/usr/bin/env bash
# What a delta's observation writes and a series read cost in three layouts of the observations table,
# on a copy of the cache `bench sync` leaves behind (docs/performance.md, "The delta's floor"):
#   series: clustered by (kpi_id, scope_id, period), as the cache is: a series is one range read;
#   period: clustered by (period, kpi_id, scope_id): a month's new values append;
#   recent: clustered by (recent, kpi_id, scope_id, period): the last months apart (see below).
# The same random picks are applied to all: new values after 35/60 of 21,000 random series' last
# month, revisions of 19/60 of them, withdrawals of the last month of the rest (the churn's mix),
# in one transaction with the app's page cache (8 MB) and WAL checkpoint setting. Needs sqlite3.
#   ./r57 server bench sync --scale national && bash reference-server/bench/delta-layout.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE=${1:-target/bench/sync-client-national.db}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f "$CACHE" ] || { echo "no cache at $CACHE: run ./r57 server bench sync --scale national first" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }

cp "$CACHE" "$WORK/series.db"
sqlite3 "$WORK/series.db" "DROP TRIGGER IF EXISTS obs_rollup_ai; DROP TRIGGER IF EXISTS obs_rollup_ad; DROP TRIGGER IF EXISTS obs_rollup_au;" >/dev/null
cp "$WORK/series.db" "$WORK/period.db"
sqlite3 "$WORK/period.db" >/dev/null <<'SQL'
PRAGMA foreign_keys = OFF;
CREATE TABLE obs2 (kpi_id INTEGER NOT NULL, scope_id INTEGER NOT NULL, period INTEGER NOT NULL, value REAL NOT NULL,
  reported_at INTEGER NOT NULL, source_id INTEGER NOT NULL, verified INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (period, kpi_id, scope_id)) STRICT, WITHOUT ROWID;
INSERT INTO obs2 SELECT * FROM observations ORDER BY period, kpi_id, scope_id;
DROP TABLE observations;
ALTER TABLE obs2 RENAME TO observations;
VACUUM;
SQL

# recent: clustered by (recent, kpi_id, scope_id, period), recent = 1 for the months from the one
# where the newest 99 % of series end: a series stays two range reads (SQLite's skip-scan, as
# sqlite_stat1 tells it the leading column has two values), and a delta's writes land in the
# small recent part. A writer sets recent from the period; moving the boundary rewrites that part.
cp "$WORK/series.db" "$WORK/recent.db"
CUTOFF=$(sqlite3 "$WORK/series.db" "SELECT last_period FROM kpi_scope_stats ORDER BY last_period LIMIT 1 OFFSET (SELECT count(*) / 100 FROM kpi_scope_stats)")
sqlite3 "$WORK/recent.db" >/dev/null <<SQL
PRAGMA foreign_keys = OFF;
CREATE TABLE obs2 (recent INTEGER NOT NULL, kpi_id INTEGER NOT NULL, scope_id INTEGER NOT NULL, period INTEGER NOT NULL, value REAL NOT NULL,
  reported_at INTEGER NOT NULL, source_id INTEGER NOT NULL, verified INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (recent, kpi_id, scope_id, period)) STRICT, WITHOUT ROWID;
INSERT INTO obs2 SELECT period >= $CUTOFF, * FROM observations ORDER BY period >= $CUTOFF, kpi_id, scope_id, period;
DROP TABLE observations;
ALTER TABLE obs2 RENAME TO observations;
ANALYZE;
VACUUM;
SQL

# The picks, made once and copied into both files (a temp table would differ per run).
sqlite3 "$WORK/series.db" >/dev/null <<'SQL'
CREATE TABLE pick AS SELECT kpi_id, scope_id, last_period, abs(random()) % 60 AS dice FROM kpi_scope_stats ORDER BY random() LIMIT 21000;
CREATE TABLE series20k AS SELECT kpi_id, scope_id FROM kpi_scope_stats ORDER BY random() LIMIT 20000;
SQL
for other in period recent; do
  sqlite3 "$WORK/$other.db" "ATTACH '$WORK/series.db' AS s; CREATE TABLE pick AS SELECT * FROM s.pick; CREATE TABLE series20k AS SELECT * FROM s.series20k;" >/dev/null
done

ms() { python3 -c "import sys; print(round(float(sys.argv[1]) * 1000, 1))" "$1"; }
for layout in series period recent; do
  db="$WORK/$layout.db"
  # the recent layout's writers say which part a row belongs in
  if [ "$layout" = recent ]; then RC="recent, "; RV="period >= $CUTOFF, "; RK="recent = (u.period >= $CUTOFF) AND "; else RC=""; RV=""; RK=""; fi
  out=$(sqlite3 "$db" <<SQL
PRAGMA cache_size = -8000;
PRAGMA wal_autocheckpoint = 1000;
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE ins AS SELECT kpi_id, scope_id, CASE WHEN last_period % 100 = 12 THEN last_period + 89 ELSE last_period + 1 END AS period FROM pick WHERE dice < 35 ORDER BY 1, 2, 3;
CREATE TEMP TABLE upd AS SELECT kpi_id, scope_id, last_period AS period FROM pick WHERE dice >= 35 AND dice < 54 ORDER BY 1, 2, 3;
CREATE TEMP TABLE del AS SELECT kpi_id, scope_id, last_period AS period FROM pick WHERE dice >= 54 ORDER BY 1, 2, 3;
.timer on
BEGIN;
INSERT INTO observations (${RC}kpi_id, scope_id, period, value, reported_at, source_id, verified, version)
  SELECT ${RV}kpi_id, scope_id, period, 1.5, 20261204, 1, 0, 99 FROM temp.ins WHERE true ON CONFLICT DO UPDATE SET value = excluded.value;
UPDATE observations AS o SET value = o.value + 0.01, verified = 1, version = 100 FROM temp.upd u
  WHERE ${RK}o.kpi_id = u.kpi_id AND o.scope_id = u.scope_id AND o.period = u.period;
DELETE FROM observations WHERE (${RC}period, kpi_id, scope_id) IN (SELECT ${RV}period, kpi_id, scope_id FROM temp.del);
COMMIT;
.timer off
SELECT 'same:' || count(*) || ':' || round(total(value), 2) FROM observations;
SQL
)
  # A series read the way each layout allows: one range, or one seek per month.
  if [ "$layout" != period ]; then
    read_sql="SELECT count(*) FROM series20k t JOIN observations o ON o.kpi_id = t.kpi_id AND o.scope_id = t.scope_id AND o.period BETWEEN 202301 AND 202612;"
  else
    read_sql="SELECT count(*) FROM series20k t CROSS JOIN temp.m m CROSS JOIN observations o ON o.period = m.period AND o.kpi_id = t.kpi_id AND o.scope_id = t.scope_id;"
  fi
  out+=$'\n'$(sqlite3 "$db" <<SQL
CREATE TEMP TABLE m (period INTEGER PRIMARY KEY);
WITH RECURSIVE p(x) AS (SELECT 202301 UNION ALL SELECT CASE WHEN x % 100 = 12 THEN x + 89 ELSE x + 1 END FROM p WHERE x < 202612) INSERT INTO m SELECT x FROM p;
.timer on
$read_sql
SQL
)
  # Run Time lines: BEGIN, insert, update, delete, COMMIT, then the series read
  mapfile -t t < <(grep 'Run Time' <<<"$out" | awk '{print $4}')
  write=$(python3 -c "import sys; print(sum(map(float, sys.argv[1:])))" "${t[@]:0:5}")
  echo "{\"bench\":\"delta-layout\",\"name\":\"$layout.delta_obs_write_ms\",\"value\":$(ms "$write"),\"unit\":\"ms\"}"
  echo "{\"bench\":\"delta-layout\",\"name\":\"$layout.commit_ms\",\"value\":$(ms "${t[4]}"),\"unit\":\"ms\"}"
  echo "{\"bench\":\"delta-layout\",\"name\":\"$layout.read_20k_series_48_months_ms\",\"value\":$(ms "${t[5]}"),\"unit\":\"ms\"}"
  # every layout must end with the same rows: their count and sum of values
  same=$(grep '^same:' <<<"$out")
  [ -z "${first_same:-}" ] && first_same=$same
  [ "$same" = "$first_same" ] || { echo "$layout ends with other rows ($same, not $first_same)" >&2; exit 1; }
  plan=$(sqlite3 "$db" "CREATE TEMP TABLE m (period INTEGER PRIMARY KEY); EXPLAIN QUERY PLAN $read_sql" | grep -o 'SEARCH o[^(]*([^)]*)' | head -1)
  echo "# $layout: a series read is: $plan" >&2
done
