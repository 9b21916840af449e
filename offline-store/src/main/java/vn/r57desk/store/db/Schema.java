package vn.r57desk.store.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The cache schema as numbered migrations. Tables are STRICT so SQLite never coerces a wrong type
 * silently; foreign keys are declared and enforced on every connection.
 *
 * <p>Add a step by appending a new {@link Migration}; never edit a released one.
 */
public final class Schema {
    /** "R57D" in ASCII: marks a file as an R57 Desk cache (PRAGMA application_id). */
    public static final int APPLICATION_ID = 0x52353744;

    private Schema() {}

    public static List<Migration> migrations() {
        return List.of(v1(), v2(), v3(), v4());
    }

    public static int latestVersion() {
        return migrations().getLast().version();
    }

    /** Tables every cache at {@link #latestVersion()} has; used to recognise a damaged or foreign file. */
    public static List<String> requiredTables() {
        return List.of("systems", "agencies", "localities", "scopes", "initiatives", "initiative_coordinators",
                "tasks", "kpis", "sources", "observations", "meetings", "agenda_items", "notes", "outbox",
                "sync_state", "sync_runs", "change_log", "dataset_info", "meeting_actions",
                "kpi_scope_stats", "report_stats", "task_rollup_day", "task_rollup_month", "report_rollup_month");
    }

    /**
     * Sync: where a bootstrap stands (phase), the device's revocation notice, and outbox delivery
     * (an item is never deleted when sent: it keeps when and what the server said).
     */
    private static Migration v2() {
        return new Migration(2, "sync phases and outbox delivery", List.of(
                "ALTER TABLE sync_state ADD COLUMN phase TEXT NOT NULL DEFAULT 'live' CHECK (phase IN ('snapshot','loaded','ready','live'))",
                "ALTER TABLE sync_state ADD COLUMN snapshot_rows INTEGER",
                "ALTER TABLE outbox ADD COLUMN sent_at TEXT",
                "ALTER TABLE outbox ADD COLUMN server_status TEXT CHECK (server_status IN ('accepted','duplicate','rejected'))",
                "CREATE INDEX outbox_pending ON outbox(created_at) WHERE sent_at IS NULL"));
    }

    /**
     * Meetings: who presents an agenda item and its time (synced, optional on the wire); decisions
     * and actions recorded in a meeting, and private notes anchored to a subject's stable id (kind
     * and code, e.g. {@code initiative:SYS4-S2}), not to a row id a new snapshot may renumber. Both
     * are this laptop's own rows: never synced down over, carried across a bootstrap
     * ({@code CacheHost}), sent only when the user chooses (through the outbox).
     */
    private static Migration v3() {
        String subjectKinds = "'system','initiative','agency','locality','kpi','meeting','agenda_item'";
        return new Migration(3, "meeting presenters, decisions and actions, notes on stable ids", List.of(
                "ALTER TABLE agenda_items ADD COLUMN presenter_vi TEXT",
                "ALTER TABLE agenda_items ADD COLUMN presenter_en TEXT",
                "ALTER TABLE agenda_items ADD COLUMN presenter_agency_id INTEGER REFERENCES agencies(id)",
                "ALTER TABLE agenda_items ADD COLUMN minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 600)",
                // meeting_id and agenda_item_id are the data's ids at the time, kept without a foreign
                // key: a later sync may withdraw the meeting, and the user's record must stay.
                """
                CREATE TABLE meeting_actions (
                  id TEXT PRIMARY KEY,
                  meeting_id INTEGER NOT NULL,
                  agenda_item_id INTEGER,
                  meeting_starts_at TEXT NOT NULL,
                  subject_kind TEXT CHECK (subject_kind IN ('system','initiative','agency','locality','kpi')),
                  subject_code TEXT,
                  kind TEXT NOT NULL CHECK (kind IN ('decision','action')),
                  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
                  agency_code TEXT,
                  due_date TEXT CHECK (due_date IS NULL OR length(due_date) = 10),
                  done_at TEXT,
                  created_at TEXT NOT NULL,
                  updated_at TEXT NOT NULL,
                  outbox_id TEXT,
                  CHECK ((subject_kind IS NULL) = (subject_code IS NULL))
                ) STRICT""",
                "CREATE INDEX meeting_actions_meeting ON meeting_actions(meeting_id, created_at)",
                "CREATE INDEX meeting_actions_subject ON meeting_actions(subject_kind, subject_code) WHERE subject_kind IS NOT NULL",
                // notes had a row id (target_id): re-anchored on the subject's code. Rows whose target
                // no longer exists keep the number as their code rather than being lost.
                "CREATE TABLE notes_v3 (\n"
                        + "  id TEXT PRIMARY KEY,\n"
                        + "  subject_kind TEXT NOT NULL CHECK (subject_kind IN (" + subjectKinds + ")),\n"
                        + "  subject_code TEXT NOT NULL,\n"
                        + "  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),\n"
                        + "  meeting_id INTEGER,\n"
                        + "  created_at TEXT NOT NULL,\n"
                        + "  updated_at TEXT NOT NULL,\n"
                        + "  outbox_id TEXT\n"
                        + ") STRICT",
                """
                INSERT INTO notes_v3 (id, subject_kind, subject_code, body, created_at, updated_at)
                SELECT n.id, n.target_kind, coalesce(CASE n.target_kind
                    WHEN 'system' THEN (SELECT code FROM systems WHERE id = n.target_id)
                    WHEN 'initiative' THEN (SELECT code FROM initiatives WHERE id = n.target_id)
                    WHEN 'agency' THEN (SELECT code FROM agencies WHERE id = n.target_id)
                    WHEN 'locality' THEN (SELECT code FROM localities WHERE id = n.target_id)
                    WHEN 'kpi' THEN (SELECT code FROM kpis WHERE id = n.target_id) END, CAST(n.target_id AS TEXT)),
                  n.body, n.created_at, n.updated_at FROM notes n WHERE length(n.body) > 0""",
                "DROP TABLE notes",
                "ALTER TABLE notes_v3 RENAME TO notes",
                "CREATE INDEX notes_subject ON notes(subject_kind, subject_code)"));
    }

    /**
     * Reports by scope and month, so that reporting timeliness counts the reports of the months that
     * are due (and inside the chosen range) and nothing else (docs/metrics.md).
     */
    private static Migration v4() {
        return new Migration(4, "reports by scope and month", Rollups.reportMonthMigration());
    }

    private static Migration v1() {
        List<String> s = new ArrayList<>();
        s.add("""
            CREATE TABLE systems (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              kind TEXT NOT NULL CHECK (kind IN ('strategic','project')),
              name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
              description_en TEXT,
              sort_order INTEGER NOT NULL,
              version INTEGER NOT NULL DEFAULT 1
            ) STRICT""");
        s.add("""
            CREATE TABLE agencies (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
              kind TEXT NOT NULL,
              version INTEGER NOT NULL DEFAULT 1
            ) STRICT""");
        s.add("""
            CREATE TABLE localities (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              level TEXT NOT NULL CHECK (level IN ('province','commune')),
              parent_id INTEGER REFERENCES localities(id),
              name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
              -- lower case without diacritics, so "ha noi" finds "Hà Nội" (VietnameseText.searchKey)
              name_search TEXT NOT NULL,
              kind TEXT NOT NULL,
              region TEXT,
              synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0,1)),
              version INTEGER NOT NULL DEFAULT 1,
              CHECK ((level = 'province') = (parent_id IS NULL))
            ) STRICT""");
        s.add("CREATE INDEX localities_parent ON localities(parent_id, code)");
        // A reporting scope: the nation, one agency, one province or one commune. Observations and
        // reporting statistics key on it; a commune's parent scope is its province's.
        s.add("""
            CREATE TABLE scopes (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL CHECK (kind IN ('national','agency','province','commune')),
              agency_id INTEGER REFERENCES agencies(id),
              locality_id INTEGER REFERENCES localities(id),
              parent_scope_id INTEGER REFERENCES scopes(id),
              CHECK ((kind = 'agency') = (agency_id IS NOT NULL)),
              CHECK ((kind IN ('province','commune')) = (locality_id IS NOT NULL))
            ) STRICT""");
        s.add("CREATE UNIQUE INDEX scopes_agency ON scopes(agency_id) WHERE agency_id IS NOT NULL");
        s.add("CREATE UNIQUE INDEX scopes_locality ON scopes(locality_id) WHERE locality_id IS NOT NULL");
        s.add("""
            CREATE TABLE initiatives (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              system_id INTEGER NOT NULL REFERENCES systems(id),
              title_vi TEXT NOT NULL, title_en TEXT NOT NULL,
              orientation_vi TEXT NOT NULL, orientation_en TEXT NOT NULL,
              outputs_vi TEXT NOT NULL, outputs_en TEXT NOT NULL,
              criteria_vi TEXT NOT NULL, criteria_en TEXT NOT NULL,
              lead_agency_id INTEGER NOT NULL REFERENCES agencies(id),
              chief_engineer TEXT NOT NULL,
              start_date TEXT NOT NULL,
              deadline TEXT NOT NULL,
              phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 3),
              status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','completed','suspended')),
              progress REAL NOT NULL CHECK (progress BETWEEN 0 AND 1),
              synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0,1)),
              version INTEGER NOT NULL DEFAULT 1,
              CHECK (deadline >= start_date)
            ) STRICT""");
        s.add("CREATE INDEX initiatives_system ON initiatives(system_id)");
        s.add("CREATE INDEX initiatives_lead ON initiatives(lead_agency_id)");
        s.add("""
            CREATE TABLE initiative_coordinators (
              initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
              agency_id INTEGER NOT NULL REFERENCES agencies(id),
              PRIMARY KEY (initiative_id, agency_id)
            ) STRICT, WITHOUT ROWID""");
        s.add("CREATE INDEX coordinators_agency ON initiative_coordinators(agency_id)");
        // A task has exactly one assignee: an agency, or a locality (province or commune).
        s.add("""
            CREATE TABLE tasks (
              id INTEGER PRIMARY KEY,
              initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
              title_vi TEXT NOT NULL, title_en TEXT NOT NULL,
              agency_id INTEGER REFERENCES agencies(id),
              locality_id INTEGER REFERENCES localities(id),
              deadline TEXT NOT NULL,
              completed_at TEXT,
              version INTEGER NOT NULL DEFAULT 1,
              CHECK ((agency_id IS NULL) <> (locality_id IS NULL)),
              CHECK (length(deadline) = 10),
              CHECK (completed_at IS NULL OR length(completed_at) = 10)
            ) STRICT""");
        // Task lists are shown per assignee and per initiative, open and overdue first.
        s.add("CREATE INDEX tasks_initiative ON tasks(initiative_id, completed_at IS NOT NULL, deadline)");
        s.add("CREATE INDEX tasks_agency ON tasks(agency_id, completed_at IS NOT NULL, deadline) WHERE agency_id IS NOT NULL");
        s.add("CREATE INDEX tasks_locality ON tasks(locality_id, completed_at IS NOT NULL, deadline) WHERE locality_id IS NOT NULL");
        s.add("""
            CREATE TABLE kpis (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              system_id INTEGER NOT NULL REFERENCES systems(id),
              initiative_id INTEGER REFERENCES initiatives(id),
              name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
              -- a label short enough for a tile or a chart axis read from across a room
              short_vi TEXT NOT NULL, short_en TEXT NOT NULL,
              unit_vi TEXT NOT NULL, unit_en TEXT NOT NULL,
              direction TEXT NOT NULL CHECK (direction IN ('higher_is_better','lower_is_better')),
              baseline REAL, baseline_year TEXT,
              target_2030 REAL, target_2030_text TEXT,
              target_2045 REAL, target_2045_text TEXT,
              levels TEXT NOT NULL,
              headline INTEGER NOT NULL DEFAULT 0 CHECK (headline IN (0,1)),
              synthetic INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0,1)),
              source TEXT,
              notes TEXT,
              version INTEGER NOT NULL DEFAULT 1
            ) STRICT""");
        s.add("""
            CREATE TABLE sources (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              name_vi TEXT NOT NULL, name_en TEXT NOT NULL
            ) STRICT""");
        // One reported value of a KPI for one scope and one month (period = yyyymm). Clustered on
        // (kpi, scope, period) so a time series is one range read.
        s.add("""
            CREATE TABLE observations (
              kpi_id INTEGER NOT NULL REFERENCES kpis(id),
              scope_id INTEGER NOT NULL REFERENCES scopes(id),
              period INTEGER NOT NULL CHECK (period BETWEEN 200001 AND 209912 AND period % 100 BETWEEN 1 AND 12),
              value REAL NOT NULL,
              -- yyyymmdd: lateness is then integer arithmetic over millions of rows, not date text
              reported_at INTEGER NOT NULL CHECK (reported_at BETWEEN 20000101 AND 20991231),
              source_id INTEGER NOT NULL REFERENCES sources(id),
              verified INTEGER NOT NULL CHECK (verified IN (0,1)),
              version INTEGER NOT NULL DEFAULT 1,
              PRIMARY KEY (kpi_id, scope_id, period)
            ) STRICT, WITHOUT ROWID""");
        s.add("""
            CREATE TABLE meetings (
              id INTEGER PRIMARY KEY,
              title_vi TEXT NOT NULL, title_en TEXT NOT NULL,
              starts_at TEXT NOT NULL,
              location TEXT,
              version INTEGER NOT NULL DEFAULT 1
            ) STRICT""");
        s.add("""
            CREATE TABLE agenda_items (
              id INTEGER PRIMARY KEY,
              meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              title_vi TEXT NOT NULL, title_en TEXT NOT NULL,
              target_kind TEXT CHECK (target_kind IN ('system','initiative','agency','locality','kpi')),
              target_id INTEGER,
              version INTEGER NOT NULL DEFAULT 1,
              UNIQUE (meeting_id, position)
            ) STRICT""");
        // Private notes stay on this laptop; ids are client-generated so a later push is idempotent.
        s.add("""
            CREATE TABLE notes (
              id TEXT PRIMARY KEY,
              target_kind TEXT NOT NULL CHECK (target_kind IN ('system','initiative','agency','locality','kpi','meeting','agenda_item')),
              target_id INTEGER NOT NULL,
              body TEXT NOT NULL,
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL
            ) STRICT""");
        s.add("CREATE INDEX notes_target ON notes(target_kind, target_id)");
        s.add("""
            CREATE TABLE outbox (
              id TEXT PRIMARY KEY,
              kind TEXT NOT NULL,
              payload TEXT NOT NULL,
              created_at TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              last_error TEXT
            ) STRICT""");
        s.add("""
            CREATE TABLE sync_state (
              server TEXT PRIMARY KEY,
              cursor TEXT,
              generation INTEGER,
              last_success_at TEXT,
              last_attempt_at TEXT,
              last_error TEXT
            ) STRICT""");
        // Every write to the cache (generation, bootstrap, delta, briefing pack) is a run; change_log
        // keeps what each run changed so the UI can say what changed between two syncs.
        s.add("""
            CREATE TABLE sync_runs (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL CHECK (kind IN ('generate','bootstrap','delta','pack','local')),
              source TEXT NOT NULL,
              started_at TEXT NOT NULL,
              finished_at TEXT,
              status TEXT NOT NULL CHECK (status IN ('running','succeeded','failed')),
              cursor_after TEXT,
              message TEXT
            ) STRICT""");
        s.add("""
            CREATE TABLE change_log (
              run_id INTEGER NOT NULL REFERENCES sync_runs(id),
              seq INTEGER NOT NULL,
              entity TEXT NOT NULL,
              entity_key TEXT NOT NULL,
              op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
              old_value TEXT,
              new_value TEXT,
              PRIMARY KEY (run_id, seq)
            ) STRICT, WITHOUT ROWID""");
        s.add("CREATE TABLE dataset_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID");
        s.addAll(Rollups.tablesDdl());
        s.addAll(Rollups.triggersDdl());
        return new Migration(1, "initial schema", s);
    }
}
