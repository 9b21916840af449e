package vn.r57desk.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;

/**
 * A cache built row by row inside a test, small enough that every figure can be computed by hand
 * in a comment. Rows go through the normal triggers, so the rollups are the real ones.
 */
public final class TinyData implements AutoCloseable {
    public final Cache cache;
    public final long nationalScope = 1;
    private long nextId = 100;

    private TinyData(Cache cache) {
        this.cache = cache;
    }

    public static TinyData create(Path dir) throws Exception {
        TinyData d = new TinyData(Cache.open(dir.resolve("tiny.db")));
        d.sql("INSERT INTO scopes (id, kind) VALUES (1, 'national')");
        d.sql("INSERT INTO sources (id, code, name_vi, name_en) VALUES (1, 'S', 'Nguồn', 'Source')");
        return d;
    }

    public void sql(String sql, Object... args) throws CacheException {
        cache.writeAndWait(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private long id() {
        return nextId++;
    }

    public long system(String code) throws CacheException {
        long id = id();
        sql("INSERT INTO systems (id, code, kind, name_vi, name_en, sort_order) VALUES (?, ?, 'strategic', ?, ?, ?)", id, code, code, code, id);
        return id;
    }

    /** An agency; {@code reports}: it has a scope of its own (it reports agency-level KPIs). Returns the agency id. */
    public long agency(String code, String kind, boolean reports) throws CacheException {
        long id = id();
        sql("INSERT INTO agencies (id, code, name_vi, name_en, kind) VALUES (?, ?, ?, ?, ?)", id, code, code, code, kind);
        if (reports) sql("INSERT INTO scopes (id, kind, agency_id, parent_scope_id) VALUES (?, 'agency', ?, 1)", id + 10_000, id);
        return id;
    }

    /** The scope of an agency, province or commune made here. */
    public long scopeOf(long id) {
        return id + 10_000;
    }

    public long province(String code) throws CacheException {
        long id = id();
        sql("INSERT INTO localities (id, code, level, name_vi, name_en, name_search, kind) VALUES (?, ?, 'province', ?, ?, ?, 'province')",
                id, code, "Tỉnh " + code, "Province " + code, "tinh " + code);
        sql("INSERT INTO scopes (id, kind, locality_id, parent_scope_id) VALUES (?, 'province', ?, 1)", scopeOf(id), id);
        return id;
    }

    public long commune(String code, long province) throws CacheException {
        long id = id();
        sql("INSERT INTO localities (id, code, level, parent_id, name_vi, name_en, name_search, kind) VALUES (?, ?, 'commune', ?, ?, ?, ?, 'commune')",
                id, code, province, "Xã " + code, "Commune " + code, "xa " + code);
        sql("INSERT INTO scopes (id, kind, locality_id, parent_scope_id) VALUES (?, 'commune', ?, ?)", scopeOf(id), id, scopeOf(province));
        return id;
    }

    public long initiative(String code, long system, long lead, LocalDate start, LocalDate deadline, String status, double progress,
                           long... coordinators) throws CacheException {
        long id = id();
        sql("INSERT INTO initiatives (id, code, system_id, title_vi, title_en, orientation_vi, orientation_en, outputs_vi, outputs_en,"
                + " criteria_vi, criteria_en, lead_agency_id, chief_engineer, start_date, deadline, phase, status, progress)"
                + " VALUES (?, ?, ?, ?, ?, '', '', '', '', '', '', ?, 'X', ?, ?, 1, ?, ?)",
                id, code, system, code, code, lead, start.toString(), deadline.toString(), status, progress);
        for (long a : coordinators) sql("INSERT INTO initiative_coordinators (initiative_id, agency_id) VALUES (?, ?)", id, a);
        return id;
    }

    /** A task assigned to an agency. */
    public long agencyTask(long initiative, long agency, LocalDate deadline, LocalDate completed) throws CacheException {
        return task(initiative, agency, null, deadline, completed);
    }

    /** A task assigned to a province or commune. */
    public long localityTask(long initiative, long locality, LocalDate deadline, LocalDate completed) throws CacheException {
        return task(initiative, null, locality, deadline, completed);
    }

    private long task(long initiative, Long agency, Long locality, LocalDate deadline, LocalDate completed) throws CacheException {
        long id = id();
        sql("INSERT INTO tasks (id, initiative_id, title_vi, title_en, agency_id, locality_id, deadline, completed_at) VALUES (?, ?, 't', 't', ?, ?, ?, ?)",
                id, initiative, agency, locality, deadline.toString(), completed == null ? null : completed.toString());
        return id;
    }

    /**
     * A KPI. {@code levels} as stored ("national,province"); {@code target2030Text} as the source
     * writes it, its number read by the caller.
     */
    public long kpi(String code, long system, String direction, Double baseline, String baselineYear, Double target2030,
                    String target2030Text, String levels, boolean headline) throws CacheException {
        long id = id();
        sql("INSERT INTO kpis (id, code, system_id, name_vi, name_en, short_vi, short_en, unit_vi, unit_en, direction, baseline, baseline_year,"
                + " target_2030, target_2030_text, levels, headline) VALUES (?, ?, ?, ?, ?, ?, ?, '%', '%', ?, ?, ?, ?, ?, ?, ?)",
                id, code, system, code, code, code, code, direction, baseline, baselineYear, target2030, target2030Text, levels, headline ? 1 : 0);
        return id;
    }

    /** A report: {@code period} yyyymm, received on {@code reported}. */
    public void report(long kpi, long scope, int period, double value, LocalDate reported) throws CacheException {
        sql("INSERT INTO observations (kpi_id, scope_id, period, value, reported_at, source_id, verified) VALUES (?, ?, ?, ?, ?, 1, 1)",
                kpi, scope, period, value, reported.getYear() * 10_000 + reported.getMonthValue() * 100 + reported.getDayOfMonth());
    }

    public DrillDown drillDown() throws CacheException {
        return new DrillDown(cache);
    }

    @Override
    public void close() {
        cache.close();
    }
}
