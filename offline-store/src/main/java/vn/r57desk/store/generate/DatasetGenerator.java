package vn.r57desk.store.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import vn.r57desk.store.db.BulkLoad;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.metrics.TargetText;
import vn.r57desk.store.model.Direction;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.text.VietnameseText;

/**
 * Builds a deterministic national dataset from the bundled reference data: the same scale and
 * seed always give the same file contents. Real names everywhere they exist (systems, ministries,
 * the 34 provinces, the Resolution's KPIs and targets); synthetic, flagged rows elsewhere
 * (initiatives, communes, tasks, observations). See docs/demo-dataset.md.
 *
 * <p>Each random stream is seeded from (seed, entity), so one entity's values do not depend on
 * how many others were generated before it.
 */
public final class DatasetGenerator {
    /** The date the demo data describes: reports and task states are as of this day. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    public static final int FIRST_PERIOD = 202501;
    public static final long DEFAULT_SEED = 57;
    private static final int REAL_COMMUNES = 3_321;
    private static final LocalDate PLAN_START = LocalDate.of(2025, 6, 2);

    /** Progress of a long generation, for a progress bar. */
    public interface Progress {
        void update(String phase, double fraction);

        Progress NONE = (phase, fraction) -> {};
    }

    public record Report(Scale scale, long seed, Map<String, Long> rows, long totalRows, long millis) {
        public double rowsPerSecond() {
            return totalRows * 1000.0 / Math.max(1, millis);
        }
    }

    private final Scale scale;
    private final long seed;
    private final ReferenceData ref;
    private final Progress progress;
    private final Map<String, Long> rows = new LinkedHashMap<>();

    // Built while generating, used by later steps.
    private final List<double[]> agencyPerf = new ArrayList<>();      // index = agency id - 1
    private final List<String> agencyCodes = new ArrayList<>();
    private final List<String> agencyKinds = new ArrayList<>();
    private final List<Long> provinceScope = new ArrayList<>();      // index = province id - 1
    private final List<double[]> provincePerf = new ArrayList<>();
    private final List<long[]> communes = new ArrayList<>();         // {localityId, provinceId, scopeId}
    private final List<Double> communePerf = new ArrayList<>();
    private final List<long[]> initiatives = new ArrayList<>();      // {id, systemId, leadAgencyId, start epochDay, deadline epochDay}
    private final List<List<Long>> coordinators = new ArrayList<>();
    private long nextScope = 1;

    private DatasetGenerator(Scale scale, long seed, ReferenceData ref, Progress progress) {
        this.scale = scale;
        this.seed = seed;
        this.ref = ref;
        this.progress = progress;
    }

    /**
     * Generates into {@code out}. The work happens in a temporary file beside it that replaces
     * {@code out} only when complete, so an interrupted run never leaves a half-built cache.
     */
    public static Report generate(Scale scale, long seed, Path out, boolean overwrite, Progress progress) throws CacheException {
        if (Files.exists(out) && !overwrite) {
            throw new CacheException(CacheException.Problem.IO, out, out + " already exists; pass --force to replace it");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".generating");
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent); // first start: the user's data folder may not exist yet
            Files.deleteIfExists(tmp);
            long t0 = System.nanoTime();
            DatasetGenerator g = new DatasetGenerator(scale, seed, ReferenceData.load(), progress);
            try (Connection c = BulkLoad.create(tmp, false)) {
                g.writeAll(c);
                progress.update("rollups", 0.95);
                BulkLoad.finish(c, tmp);
                c.commit();
            }
            BulkLoad.switchToWal(tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            progress.update("done", 1);
            return g.report(ms);
        } catch (SQLException e) {
            throw CacheException.from(e, out, "generate");
        } catch (IOException e) {
            throw new CacheException(CacheException.Problem.NOT_WRITABLE, out, "Cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(BulkLoad.sideFile(tmp));
            } catch (IOException ignored) { /* best effort */ }
        }
    }

    /**
     * The same rows inserted into bare tables (no keys, constraints, indexes or rollups): the
     * baseline that {@code generate.ratio} compares against.
     */
    public static Report generateBare(Scale scale, long seed, Path out) throws CacheException {
        try {
            Files.deleteIfExists(out);
            long t0 = System.nanoTime();
            DatasetGenerator g = new DatasetGenerator(scale, seed, ReferenceData.load(), Progress.NONE);
            try (Connection c = BulkLoad.create(out, true)) {
                g.writeAll(c);
                c.commit();
            }
            return g.report((System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            throw CacheException.from(e, out, "generate");
        } catch (IOException e) {
            throw new CacheException(CacheException.Problem.NOT_WRITABLE, out, "Cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private Report report(long ms) {
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        return new Report(scale, seed, Map.copyOf(rows), total, ms);
    }

    private void count(String table, long n) {
        rows.merge(table, n, Long::sum);
    }

    private SplittableRandom rng(long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L + a * 0xC2B2AE3D27D4EB4FL + b * 0x165667B19E3779F9L;
        h ^= (h >>> 31);
        return new SplittableRandom(h);
    }

    private void writeAll(Connection c) throws SQLException {
        progress.update("reference data", 0);
        writeSystems(c);
        writeAgencies(c);
        writeLocalities(c);
        writeSources(c);
        writeInitiatives(c);
        List<KpiPlan> kpis = writeKpis(c);
        progress.update("tasks", 0.1);
        writeTasks(c);
        progress.update("observations", 0.3);
        writeObservations(c, kpis);
        writeMeetings(c);
        writeInfo(c);
        writeHistory(c);
    }

    // ---- reference entities ----------------------------------------------------------------------

    private void writeSystems(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO systems (id, code, kind, name_vi, name_en, description_en, sort_order) VALUES (?,?,?,?,?,?,?)")) {
            int i = 0;
            for (Map<String, String> s : ref.systems()) {
                i++;
                ps.setInt(1, i);
                ps.setString(2, s.get("id"));
                ps.setString(3, s.get("system_type"));
                ps.setString(4, s.get("name_vi"));
                ps.setString(5, s.get("name_en"));
                ps.setString(6, s.get("description"));
                ps.setInt(7, i);
                ps.addBatch();
            }
            ps.executeBatch();
            count("systems", i);
        }
    }

    private void writeAgencies(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agencies (id, code, name_vi, name_en, kind) VALUES (?,?,?,?,?)");
             PreparedStatement sc = scopeInsert(c)) {
            int i = 0;
            long national = nextScope++;
            addScope(sc, national, "national", null, null, null);
            for (Map<String, String> a : ref.agencies()) {
                i++;
                ps.setInt(1, i);
                ps.setString(2, a.get("code"));
                ps.setString(3, a.get("name_vi"));
                ps.setString(4, a.get("name_en"));
                ps.setString(5, a.get("kind"));
                ps.addBatch();
                agencyCodes.add(a.get("code"));
                agencyKinds.add(a.get("kind"));
                SplittableRandom r = rng(1, i);
                // A few agencies are clearly behind; most are close to plan.
                double perf = r.nextDouble() < 0.2 ? 0.45 + 0.2 * r.nextDouble() : 0.8 + 0.35 * r.nextDouble();
                agencyPerf.add(new double[]{perf, nextScope});
                addScope(sc, nextScope++, "agency", (long) i, null, national);
            }
            ps.executeBatch();
            sc.executeBatch();
            count("agencies", i);
        }
    }

    private static PreparedStatement scopeInsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO scopes (id, kind, agency_id, locality_id, parent_scope_id) VALUES (?,?,?,?,?)");
    }

    private void addScope(PreparedStatement sc, long id, String kind, Long agency, Long locality, Long parent) throws SQLException {
        sc.setLong(1, id);
        sc.setString(2, kind);
        setLong(sc, 3, agency);
        setLong(sc, 4, locality);
        setLong(sc, 5, parent);
        sc.addBatch();
        count("scopes", 1);
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, java.sql.Types.INTEGER);
        else ps.setLong(i, v);
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) ps.setNull(i, java.sql.Types.REAL);
        else ps.setDouble(i, v);
    }

    private void writeLocalities(Connection c) throws SQLException {
        List<Map<String, String>> provinces = ref.provinces();
        int[] perProvince = communeCounts(provinces);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO localities (id, code, level, parent_id, name_vi, name_en, kind, region, synthetic, name_search) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement sc = scopeInsert(c)) {
            for (int p = 0; p < provinces.size(); p++) {
                Map<String, String> row = provinces.get(p);
                long id = p + 1;
                ps.setLong(1, id);
                ps.setString(2, row.get("code"));
                ps.setString(3, "province");
                ps.setNull(4, java.sql.Types.INTEGER);
                ps.setString(5, row.get("name_vi"));
                ps.setString(6, row.get("name_en"));
                ps.setString(7, row.get("type"));
                ps.setString(8, row.get("region"));
                ps.setInt(9, 0);
                ps.setString(10, VietnameseText.searchKey(row.get("name_vi")));
                ps.addBatch();
                SplittableRandom r = rng(2, id);
                double perf = r.nextDouble() < 0.25 ? 0.45 + 0.25 * r.nextDouble() : 0.8 + 0.4 * r.nextDouble();
                provincePerf.add(new double[]{perf});
                provinceScope.add(nextScope);
                addScope(sc, nextScope++, "province", null, id, 1L);
            }
            long nextId = 100;
            for (int p = 0; p < provinces.size(); p++) {
                Map<String, String> row = provinces.get(p);
                long provinceId = p + 1;
                boolean city = "city".equals(row.get("type"));
                SplittableRandom names = rng(3, provinceId);
                java.util.Set<String> used = new java.util.HashSet<>();
                for (int k = 1; k <= perProvince[p]; k++) {
                    long id = nextId++;
                    boolean ward = city ? names.nextDouble() < 0.6 : names.nextDouble() < 0.15;
                    String base = uniqueName(names, used);
                    String kindVi = ward ? "Phường" : "Xã";
                    ps.setLong(1, id);
                    ps.setString(2, row.get("code") + "-" + String.format("%05d", k));
                    ps.setString(3, "commune");
                    ps.setLong(4, provinceId);
                    ps.setString(5, kindVi + " " + base);
                    ps.setString(6, (ward ? "Ward " : "Commune ") + VietnameseText.fold(base));
                    ps.setString(7, ward ? "ward" : "commune");
                    ps.setString(8, row.get("region"));
                    ps.setInt(9, 1);
                    ps.setString(10, VietnameseText.searchKey(kindVi + " " + base));
                    ps.addBatch();
                    double perf = Math.max(0.3, Math.min(1.3, provincePerf.get(p)[0] * (0.8 + 0.4 * names.nextDouble())));
                    communePerf.add(perf);
                    communes.add(new long[]{id, provinceId, nextScope});
                    addScope(sc, nextScope++, "commune", null, id, provinceScope.get(p));
                }
            }
            ps.executeBatch();
            sc.executeBatch();
            count("localities", provinces.size() + communes.size());
        }
    }

    private static String uniqueName(SplittableRandom r, java.util.Set<String> used) {
        List<String> parts = DemoCatalog.COMMUNE_NAME_PARTS;
        for (int attempt = 0; ; attempt++) {
            String name = parts.get(r.nextInt(parts.size())) + " " + parts.get(r.nextInt(parts.size()));
            if (attempt > 20) name = name + " " + (used.size() + 1);
            if (used.add(name)) return name;
        }
    }

    /** Communes per province: proportional to how many old provinces merged into it, summing to the scale's total. */
    private int[] communeCounts(List<Map<String, String>> provinces) {
        int n = provinces.size();
        int[] out = new int[n];
        if (scale.communes > 0) {
            java.util.Arrays.fill(out, scale.communes);
            return out;
        }
        int total = REAL_COMMUNES * -scale.communes;
        double[] w = new double[n];
        double sum = 0;
        for (int p = 0; p < n; p++) {
            int merged = provinces.get(p).get("merged_from").split(";").length;
            w[p] = merged * (0.85 + 0.3 * rng(4, p).nextDouble());
            sum += w[p];
        }
        int assigned = 0;
        for (int p = 0; p < n; p++) {
            out[p] = (int) Math.floor(total * w[p] / sum);
            assigned += out[p];
        }
        for (int p = 0; assigned < total; p = (p + 1) % n) { out[p]++; assigned++; }
        return out;
    }

    private void writeSources(Connection c) throws SQLException {
        String[][] sources = {
                {"commune-report", "Báo cáo của UBND cấp xã (dữ liệu minh họa)", "Commune people's committee report (demo data)"},
                {"province-report", "Báo cáo của UBND cấp tỉnh (dữ liệu minh họa)", "Provincial people's committee report (demo data)"},
                {"agency-report", "Báo cáo của bộ, ngành (dữ liệu minh họa)", "Ministry report (demo data)"},
                {"national-statistics", "Số liệu tổng hợp quốc gia (dữ liệu minh họa)", "National aggregate (demo data)"}};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources (id, code, name_vi, name_en) VALUES (?,?,?,?)")) {
            for (int i = 0; i < sources.length; i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, sources[i][0]);
                ps.setString(3, sources[i][1]);
                ps.setString(4, sources[i][2]);
                ps.addBatch();
            }
            ps.executeBatch();
            count("sources", sources.length);
        }
    }

    private long agencyId(String code) {
        int i = agencyCodes.indexOf(code);
        if (i < 0) throw new IllegalStateException("demo catalogue names unknown agency " + code);
        return i + 1;
    }

    private List<Long> ministryIds() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < agencyKinds.size(); i++) {
            if (agencyKinds.get(i).equals("ministry") || agencyKinds.get(i).equals("ministerial_agency")) out.add((long) i + 1);
        }
        return out;
    }

    private void writeInitiatives(Connection c) throws SQLException {
        List<Long> ministries = ministryIds();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO initiatives (id, code, system_id, title_vi, title_en, orientation_vi, orientation_en,
                  outputs_vi, outputs_en, criteria_vi, criteria_en, lead_agency_id, chief_engineer, start_date,
                  deadline, phase, status, progress, synthetic) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)""");
             PreparedStatement co = c.prepareStatement("INSERT INTO initiative_coordinators (initiative_id, agency_id) VALUES (?,?)")) {
            long id = 0;
            for (int s = 0; s < DemoCatalog.INITIATIVES.size(); s++) {
                String systemVi = ref.systems().get(s).get("name_vi");
                String systemEn = ref.systems().get(s).get("name_en");
                int k = 0;
                for (DemoCatalog.InitiativeSeed seedRow : DemoCatalog.INITIATIVES.get(s)) {
                    id++;
                    k++;
                    SplittableRandom r = rng(5, id);
                    long lead = agencyId(seedRow.leadCode());
                    LocalDate start = PLAN_START.plusDays(r.nextInt(0, 200));
                    int deadlineYear = 2026 + r.nextInt(5);
                    LocalDate deadline = LocalDate.of(deadlineYear, 3 * (1 + r.nextInt(4)), 1).plusMonths(1).minusDays(1);
                    if (id == 7 || id == 18) deadline = LocalDate.of(2026, 9, 30); // two that are already late
                    int phase = deadline.getYear() <= 2026 ? 1 : 2;
                    double expected = vn.r57desk.store.metrics.InitiativeStatusRule.expectedProgress(start, deadline, AS_OF);
                    double perf = agencyPerf.get((int) lead - 1)[0];
                    double progress = Math.min(1, Math.max(0, expected * perf * (0.85 + 0.3 * r.nextDouble())));
                    String status;
                    if (id == 23) status = "suspended";
                    else if (progress >= 0.999 || (deadline.isBefore(AS_OF) && r.nextDouble() < 0.3)) { status = "completed"; progress = 1; }
                    else if (progress < 0.02) status = "not_started";
                    else status = "in_progress";
                    progress = Math.round(progress * 100) / 100.0;
                    String chief = DemoCatalog.FAMILY_NAMES.get(r.nextInt(DemoCatalog.FAMILY_NAMES.size())) + " "
                            + DemoCatalog.MIDDLE_NAMES.get(r.nextInt(DemoCatalog.MIDDLE_NAMES.size())) + " "
                            + DemoCatalog.GIVEN_NAMES.get(r.nextInt(DemoCatalog.GIVEN_NAMES.size()));
                    ps.setLong(1, id);
                    ps.setString(2, "SYS" + (s + 1) + "-S" + k);
                    ps.setLong(3, s + 1);
                    ps.setString(4, seedRow.vi());
                    ps.setString(5, seedRow.en());
                    ps.setString(6, "Thuộc " + systemVi.toLowerCase(java.util.Locale.ROOT).replaceFirst("^hệ thống", "hệ thống")
                            + ": " + seedRow.vi().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + seedRow.vi().substring(1)
                            + ", tạo chuyển biến đột phá đến năm " + deadlineYear + ".");
                    ps.setString(7, "Part of the " + systemEn.toLowerCase(java.util.Locale.ROOT) + ": "
                            + seedRow.en().substring(0, 1).toLowerCase(java.util.Locale.ROOT) + seedRow.en().substring(1)
                            + ", a breakthrough by " + deadlineYear + ".");
                    ps.setString(8, "1. Đề án được cấp có thẩm quyền phê duyệt; 2. Nền tảng, hệ thống vận hành chính thức; "
                            + "3. Báo cáo đánh giá hiệu quả triển khai.");
                    ps.setString(9, "1. Scheme approved by the competent authority; 2. Platform or system in production; "
                            + "3. Evaluation report on results.");
                    int share = 60 + 5 * r.nextInt(8);
                    ps.setString(10, "Hoàn thành đúng hạn; ít nhất " + share + "% nhiệm vụ của bộ, ngành, địa phương hoàn thành; "
                            + "chỉ tiêu KPI liên quan đạt lộ trình năm 2030.");
                    ps.setString(11, "Delivered on time; at least " + share + "% of ministry and local tasks completed; "
                            + "related KPIs on their 2030 trajectory.");
                    ps.setLong(12, lead);
                    ps.setString(13, chief);
                    ps.setString(14, start.toString());
                    ps.setString(15, deadline.toString());
                    ps.setInt(16, phase);
                    ps.setString(17, status);
                    ps.setDouble(18, progress);
                    ps.addBatch();
                    List<Long> coord = new ArrayList<>();
                    int nCoord = 2 + r.nextInt(3);
                    while (coord.size() < nCoord) {
                        long a = ministries.get(r.nextInt(ministries.size()));
                        if (a != lead && !coord.contains(a)) coord.add(a);
                    }
                    coord.sort(null);
                    for (long a : coord) {
                        co.setLong(1, id);
                        co.setLong(2, a);
                        co.addBatch();
                    }
                    count("initiative_coordinators", coord.size());
                    coordinators.add(coord);
                    initiatives.add(new long[]{id, s + 1, lead, start.toEpochDay(), deadline.toEpochDay()});
                }
            }
            ps.executeBatch();
            co.executeBatch();
            count("initiatives", id);
        }
    }

    /** What the observation loop needs per KPI. */
    private record KpiPlan(long id, boolean rank, Direction direction, double start, double target, LocalDate startDate,
                           boolean national, boolean agency, boolean province, boolean commune, boolean percent) {}

    private List<KpiPlan> writeKpis(Connection c) throws SQLException {
        List<KpiPlan> plans = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO kpis (id, code, system_id, initiative_id, name_vi, name_en, unit_vi, unit_en, direction, baseline,
                  baseline_year, target_2030, target_2030_text, target_2045, target_2045_text, levels, headline, synthetic,
                  source, notes, short_vi, short_en) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            long id = 0;
            for (Map<String, String> k : ref.kpis()) {
                id++;
                String code = k.get("id");
                Direction dir = Direction.fromDb(k.get("direction"));
                DemoCatalog.RealKpiPlacement place = DemoCatalog.placement(code);
                Double baseline = k.get("baseline_value").isBlank() ? null : Double.valueOf(k.get("baseline_value"));
                String t30 = k.get("target_2030");
                String t45 = k.get("target_2045");
                Double target30 = TargetText.value(t30, dir);
                Double target45 = TargetText.value(t45, dir);
                ps.setLong(1, id);
                ps.setString(2, code);
                ps.setLong(3, Long.parseLong(place.systemCode().substring(3)));
                ps.setNull(4, java.sql.Types.INTEGER);
                ps.setString(5, k.get("name_vi"));
                ps.setString(6, k.get("name_en"));
                ps.setString(7, DemoCatalog.unitVi(k.get("unit")));
                ps.setString(8, k.get("unit"));
                ps.setString(9, dir.dbValue());
                setDouble(ps, 10, baseline);
                ps.setString(11, k.get("baseline_year").isBlank() ? null : k.get("baseline_year"));
                setDouble(ps, 12, target30);
                ps.setString(13, t30.isBlank() ? null : t30);
                setDouble(ps, 14, target45);
                ps.setString(15, t45.isBlank() ? null : t45);
                ps.setString(16, place.levels());
                ps.setInt(17, place.headline() ? 1 : 0);
                ps.setInt(18, 0);
                ps.setString(19, k.get("source"));
                ps.setString(20, k.get("notes"));
                String[] shortName = DemoCatalog.shortName(code);
                ps.setString(21, shortName[0]);
                ps.setString(22, shortName[1]);
                ps.addBatch();
                boolean rank = k.get("unit").startsWith("rank");
                double start = DemoCatalog.demoStart(code, baseline);
                // Where the 2030 target is blank (R57-20 has only a 2045 one), aim the demo series at it.
                double aim = target30 != null ? target30 : target45 != null ? start + (target45 - start) * 0.3 : start;
                LocalDate startDate = baseline != null && !k.get("baseline_year").isBlank()
                        ? vn.r57desk.store.metrics.KpiTrajectory.baselineDate(k.get("baseline_year")) : LocalDate.of(2025, 1, 15);
                String lv = place.levels();
                plans.add(new KpiPlan(id, rank, dir, start, aim, startDate, true, lv.contains("agency"), lv.contains("province"),
                        lv.contains("commune"), k.get("unit").startsWith("%")));
            }
            for (int s = 0; s < DemoCatalog.LOCAL_KPIS.size(); s++) {
                List<DemoCatalog.KpiSeed> seeds = DemoCatalog.LOCAL_KPIS.get(s);
                for (int j = 0; j < Math.min(scale.localKpisPerSystem, seeds.size()); j++) {
                    DemoCatalog.KpiSeed ks = seeds.get(j);
                    id++;
                    Direction dir = ks.higherIsBetter() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
                    String levels = "national," + (ks.agencyLevel() ? "agency," : "") + "province,commune";
                    ps.setLong(1, id);
                    ps.setString(2, "DM-" + (s + 1) + String.format("%02d", j + 1));
                    ps.setLong(3, s + 1);
                    ps.setLong(4, initiatives.get(s * 5 + (j % 5))[0]);
                    ps.setString(5, ks.vi());
                    ps.setString(6, ks.en());
                    ps.setString(7, ks.unitVi());
                    ps.setString(8, ks.unitEn());
                    ps.setString(9, dir.dbValue());
                    ps.setDouble(10, ks.start());
                    ps.setString(11, "2024");
                    ps.setDouble(12, ks.target2030());
                    ps.setString(13, (ks.higherIsBetter() ? ">=" : "<=") + fmt(ks.target2030()));
                    ps.setNull(14, java.sql.Types.REAL);
                    ps.setNull(15, java.sql.Types.VARCHAR);
                    ps.setString(16, levels);
                    ps.setInt(17, 0);
                    ps.setInt(18, 1);
                    ps.setString(19, "R57 Desk demo catalogue");
                    ps.setString(20, "Synthetic operational indicator for the demo dataset; not an official KPI.");
                    ps.setString(21, ks.vi());
                    ps.setString(22, ks.en());
                    ps.addBatch();
                    plans.add(new KpiPlan(id, false, dir, ks.start(), ks.target2030(), LocalDate.of(2024, 7, 1), true,
                            ks.agencyLevel(), true, true, ks.unitEn().equals("%")));
                }
            }
            ps.executeBatch();
            count("kpis", id);
        }
        return plans;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    // ---- tasks -----------------------------------------------------------------------------------

    private void writeTasks(Connection c) throws SQLException {
        LocalDate earliest = LocalDate.of(2025, 4, 1);
        int n = scale.tasks;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tasks (id, initiative_id, title_vi, title_en, agency_id, locality_id, deadline, completed_at) VALUES (?,?,?,?,?,?,?,?)")) {
            for (int i = 1; i <= n; i++) {
                SplittableRandom r = rng(6, i);
                long[] ini = initiatives.get(r.nextInt(initiatives.size()));
                int iniIdx = (int) ini[0] - 1;
                double u = r.nextDouble();
                Long agency = null, locality = null;
                double perf;
                if (u < 0.15) {
                    List<Long> co = coordinators.get(iniIdx);
                    agency = r.nextDouble() < 0.5 ? ini[2] : co.get(r.nextInt(co.size()));
                    perf = agencyPerf.get((int) (long) agency - 1)[0];
                } else if (u < 0.40) {
                    int p = r.nextInt(provincePerf.size());
                    locality = (long) p + 1;
                    perf = provincePerf.get(p)[0];
                } else {
                    int k = r.nextInt(communes.size());
                    locality = communes.get(k)[0];
                    perf = communePerf.get(k);
                }
                long from = Math.max(earliest.toEpochDay(), ini[3] + 30);
                long to = Math.max(from + 30, ini[4]);
                // Phase 1 (to end 2026) carries most of the near-term work.
                long dl = r.nextDouble() < 0.45
                        ? from + r.nextLong(Math.max(1, Math.min(to, LocalDate.of(2026, 12, 31).toEpochDay()) - from + 1))
                        : from + r.nextLong(to - from + 1);
                LocalDate deadline = LocalDate.ofEpochDay(dl);
                LocalDate completed = null;
                if (!deadline.isAfter(AS_OF)) {
                    double onTime = Math.min(0.95, 0.62 * perf + 0.1);
                    double late = 0.18;
                    double v = r.nextDouble();
                    if (v < onTime) completed = deadline.minusDays(r.nextInt(0, 45));
                    else if (v < onTime + late) {
                        LocalDate d = deadline.plusDays(r.nextInt(1, 75));
                        if (!d.isAfter(AS_OF)) completed = d;
                    }
                } else if (r.nextDouble() < 0.06 * perf && ChronoUnit.DAYS.between(AS_OF, deadline) < 365) {
                    completed = AS_OF.minusDays(r.nextInt(0, 60));
                }
                if (completed != null && completed.isBefore(earliest)) completed = earliest;
                String[] action = DemoCatalog.TASK_ACTIONS.get(r.nextInt(DemoCatalog.TASK_ACTIONS.size()));
                DemoCatalog.InitiativeSeed is = DemoCatalog.INITIATIVES.get((int) ini[1] - 1).get(iniIdx % 5);
                ps.setLong(1, i);
                ps.setLong(2, ini[0]);
                ps.setString(3, action[0] + ": " + is.vi());
                ps.setString(4, action[1] + ": " + is.en());
                setLong(ps, 5, agency);
                setLong(ps, 6, locality);
                ps.setString(7, deadline.toString());
                ps.setString(8, completed == null ? null : completed.toString());
                ps.addBatch();
                if (i % 5_000 == 0) {
                    ps.executeBatch();
                    progress.update("tasks", 0.1 + 0.2 * i / n);
                }
            }
            ps.executeBatch();
            count("tasks", n);
        }
    }

    // ---- observations ----------------------------------------------------------------------------

    private void writeObservations(Connection c, List<KpiPlan> kpis) throws SQLException {
        List<Integer> periods = new ArrayList<>();
        for (int p = FIRST_PERIOD; !Period.toYearMonth(p).atDay(1).isAfter(AS_OF.minusMonths(1)); p = Period.next(p)) periods.add(p);
        long written = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO observations (kpi_id, scope_id, period, value, reported_at, source_id, verified) VALUES (?,?,?,?,?,?,?)")) {
            List<Long> ministries = ministryIds();
            int k = 0;
            for (KpiPlan kp : kpis) {
                k++;
                // Scopes in id order, so rows arrive in primary-key order.
                written += series(ps, kp, 1, 0.7 + 0.5 * rng(8, kp.id).nextDouble(), 0, 4, periods);
                if (kp.agency) {
                    for (long a : ministries) written += series(ps, kp, (long) agencyPerf.get((int) a - 1)[1], agencyPerf.get((int) a - 1)[0], 0.1, 3, periods);
                }
                if (kp.province) {
                    for (int p = 0; p < provinceScope.size(); p++) written += series(ps, kp, provinceScope.get(p), provincePerf.get(p)[0], 0.12, 2, periods);
                }
                if (kp.commune) {
                    for (int i = 0; i < communes.size(); i++) {
                        written += series(ps, kp, communes.get(i)[2], communePerf.get(i), 0.2, 1, periods);
                        if ((i & 1023) == 0) ps.executeBatch();
                    }
                }
                ps.executeBatch();
                progress.update("observations", 0.3 + 0.65 * k / kpis.size());
            }
        }
        count("observations", written);
    }

    private int series(PreparedStatement ps, KpiPlan kp, long scope, double perf, double spread, int source, List<Integer> periods)
            throws SQLException {
        SplittableRandom r = rng(kp.id * 1_000_003L, scope);
        double start = kp.start * (1 + spread * (r.nextDouble() * 2 - 1));
        if (kp.percent) start = Math.min(99, Math.max(0.5, start));
        double span = ChronoUnit.DAYS.between(kp.startDate, LocalDate.of(2030, 12, 31));
        double noise = Math.abs(kp.target - kp.start) * 0.015;
        double missing = Math.max(0.005, 0.015 + 0.04 * (1 - perf));
        double lateP = Math.max(0.02, Math.min(0.5, 0.06 + 0.3 * (1 - perf)));
        int n = 0;
        for (int p : periods) {
            if (r.nextDouble() < missing) continue;
            LocalDate at = kp.rank ? LocalDate.of(p / 100, 7, 1) : Period.midpoint(p);
            double f = Math.max(0, ChronoUnit.DAYS.between(kp.startDate, at) / span);
            double v = start + (kp.target - start) * f * perf + (kp.rank ? 0 : noise * r.nextGaussian());
            if (kp.rank) v = Math.max(1, Math.round(v));
            else if (kp.percent) v = Math.min(100, Math.max(0, v));
            v = Math.round(v * 100) / 100.0;
            LocalDate due = Period.dueDate(p);
            LocalDate reported = r.nextDouble() < lateP ? due.plusDays(r.nextInt(1, 41)) : due.minusDays(r.nextInt(0, 10));
            if (reported.isAfter(AS_OF)) continue;
            boolean verified = r.nextDouble() < (reported.isBefore(AS_OF.minusDays(30)) ? 0.97 : 0.6);
            ps.setLong(1, kp.id);
            ps.setLong(2, scope);
            ps.setInt(3, p);
            ps.setDouble(4, v);
            ps.setInt(5, Period.dateInt(reported));
            ps.setInt(6, source);
            ps.setInt(7, verified ? 1 : 0);
            ps.addBatch();
            n++;
        }
        return n;
    }

    // ---- meetings and dataset description -----------------------------------------------------

    /** A demo meeting: ids 1 and 2 are the ones earlier versions of the demo data had. */
    private record DemoMeeting(int id, String titleVi, String titleEn, String startsAt, String location) {}

    /**
     * A demo agenda item: its subject as kind and code (resolved to the row's id here), who presents
     * it (a role, not a person's name) and its minutes.
     */
    private record DemoItem(int id, int meeting, int position, String titleVi, String titleEn, String kind, String code,
                            String presenterVi, String presenterEn, String presenterAgency, int minutes) {}

    /**
     * Two meetings before the data's as-of date (20/11/2026) and two after it, so the demo has a
     * history to compare with and an agenda to prepare; subjects recur, as a committee follows up.
     */
    private static final List<DemoMeeting> DEMO_MEETINGS = List.of(
            new DemoMeeting(1, "Phiên họp Ban Chỉ đạo Trung ương quý IV/2026", "Central Steering Committee meeting, Q4 2026", "2026-12-05T08:30", "Hà Nội"),
            new DemoMeeting(2, "Giao ban chuyên đề hạ tầng dữ liệu", "Briefing on data infrastructure", "2026-11-28T14:00", "Hà Nội"),
            new DemoMeeting(3, "Phiên họp Ban Chỉ đạo Trung ương quý III/2026", "Central Steering Committee meeting, Q3 2026", "2026-08-27T08:30", "Hà Nội"),
            new DemoMeeting(4, "Giao ban tiến độ các nhiệm vụ đột phá tháng 10/2026", "Progress briefing on breakthrough initiatives, October 2026",
                    "2026-10-22T14:00", "Hà Nội"));

    private static final List<DemoItem> DEMO_AGENDA = List.of(
            // Q4 committee meeting: six items, the size of the handout benchmark
            new DemoItem(1, 1, 1, "Tình hình thực hiện các nhiệm vụ quá hạn", "Status of overdue tasks", "system", "SYS1",
                    "Lãnh đạo Văn phòng Chính phủ", "Government Office leadership", "GO", 15),
            new DemoItem(2, 1, 2, "Chỉ tiêu kinh tế số năm 2026", "Digital economy targets for 2026", "kpi", "R57-01",
                    "Lãnh đạo Cục Thống kê", "Head of the National Statistics Office", "NSO", 10),
            new DemoItem(3, 1, 3, "Xếp hạng các bộ, ngành và địa phương", "Ranking of ministries and localities", null, null,
                    "Lãnh đạo Bộ Khoa học và Công nghệ", "Ministry of Science and Technology leadership", "MOST", 10),
            new DemoItem(6, 1, 4, "Trí tuệ nhân tạo quốc gia: mô hình ngôn ngữ lớn tiếng Việt", "National AI: a Vietnamese large language model",
                    "initiative", "SYS6-S1", "Bộ trưởng Bộ Khoa học và Công nghệ", "Minister of Science and Technology", "MOST", 15),
            new DemoItem(7, 1, 5, "Thành phố Hồ Chí Minh: chuyển đổi số cấp xã", "Ho Chi Minh City: digital transformation of its communes",
                    "locality", "79", "Chủ tịch UBND Thành phố Hồ Chí Minh", "Chair of the Ho Chi Minh City People's Committee", null, 10),
            new DemoItem(8, 1, 6, "Bộ Công an: nhiệm vụ về dữ liệu và định danh điện tử", "Ministry of Public Security: data and electronic identity tasks",
                    "agency", "MPS", "Lãnh đạo Bộ Công an", "Ministry of Public Security leadership", "MPS", 10),
            // briefing on data infrastructure
            new DemoItem(4, 2, 1, "Kết nối, chia sẻ dữ liệu quốc gia", "National data sharing", "initiative", "SYS4-S3",
                    "Lãnh đạo Bộ Công an", "Ministry of Public Security leadership", "MPS", 20),
            new DemoItem(5, 2, 2, "Phủ sóng 5G và cáp quang", "5G and fibre coverage", "initiative", "SYS4-S1",
                    "Lãnh đạo Bộ Khoa học và Công nghệ", "Ministry of Science and Technology leadership", "MOST", 15),
            new DemoItem(9, 2, 3, "Dịch vụ công trực tuyến: tỉ lệ sử dụng", "Online public services: usage rate", "kpi", "R57-04",
                    "Lãnh đạo Văn phòng Chính phủ", "Government Office leadership", "GO", 10),
            new DemoItem(10, 2, 4, "Đà Nẵng: trung tâm dữ liệu và hạ tầng số", "Da Nang: data centre and digital infrastructure", "locality", "48",
                    "Chủ tịch UBND Thành phố Đà Nẵng", "Chair of the Da Nang People's Committee", null, 10),
            // Q3 committee meeting (held)
            new DemoItem(11, 3, 1, "Thể chế và quản trị quốc gia: tiến độ các nhiệm vụ", "Institutions and national governance: progress of tasks",
                    "system", "SYS1", "Lãnh đạo Văn phòng Chính phủ", "Government Office leadership", "GO", 15),
            new DemoItem(12, 3, 2, "Quy mô kinh tế số: số liệu 6 tháng đầu năm", "Digital economy share: first-half figures", "kpi", "R57-01",
                    "Lãnh đạo Cục Thống kê", "Head of the National Statistics Office", "NSO", 10),
            new DemoItem(13, 3, 3, "Kết nối, chia sẻ dữ liệu quốc gia", "National data sharing", "initiative", "SYS4-S3",
                    "Lãnh đạo Bộ Công an", "Ministry of Public Security leadership", "MPS", 15),
            new DemoItem(14, 3, 4, "Trí tuệ nhân tạo quốc gia: mô hình ngôn ngữ lớn tiếng Việt", "National AI: a Vietnamese large language model",
                    "initiative", "SYS6-S1", "Bộ trưởng Bộ Khoa học và Công nghệ", "Minister of Science and Technology", "MOST", 15),
            new DemoItem(15, 3, 5, "Bộ Khoa học và Công nghệ: nhiệm vụ được giao", "Ministry of Science and Technology: assigned tasks",
                    "agency", "MOST", "Lãnh đạo Bộ Khoa học và Công nghệ", "Ministry of Science and Technology leadership", "MOST", 10),
            // October progress briefing (held)
            new DemoItem(16, 4, 1, "Kết nối, chia sẻ dữ liệu quốc gia", "National data sharing", "initiative", "SYS4-S3",
                    "Lãnh đạo Bộ Công an", "Ministry of Public Security leadership", "MPS", 15),
            new DemoItem(17, 4, 2, "Phủ sóng 5G và cáp quang", "5G and fibre coverage", "initiative", "SYS4-S1",
                    "Lãnh đạo Bộ Khoa học và Công nghệ", "Ministry of Science and Technology leadership", "MOST", 10),
            new DemoItem(18, 4, 3, "Thành phố Hồ Chí Minh: chuyển đổi số cấp xã", "Ho Chi Minh City: digital transformation of its communes",
                    "locality", "79", "Chủ tịch UBND Thành phố Hồ Chí Minh", "Chair of the Ho Chi Minh City People's Committee", null, 10),
            new DemoItem(19, 4, 4, "Thể chế và quản trị quốc gia: nhiệm vụ quá hạn", "Institutions and national governance: overdue tasks",
                    "system", "SYS1", "Lãnh đạo Văn phòng Chính phủ", "Government Office leadership", "GO", 10),
            new DemoItem(20, 4, 5, "Quy mô kinh tế số: ước tính quý III", "Digital economy share: Q3 estimate", "kpi", "R57-01",
                    "Lãnh đạo Cục Thống kê", "Head of the National Statistics Office", "NSO", 10));

    /**
     * Decisions and actions the committee recorded at the two held meetings: the demo's own
     * history, so the next meeting's stocktake can say which were done. On real data these rows are
     * written on the laptop during a meeting and never come from the server.
     * {meeting, agenda item, subject kind, code, kind, text, agency, due, done at (or null)}
     */
    private static final String[][] DEMO_ACTIONS = {
            {"3", "13", "initiative", "SYS4-S3", "action", "Bộ Công an hoàn thành kết nối cơ sở dữ liệu dân cư với 5 cơ sở dữ liệu chuyên ngành trước 30/9/2026.", "MPS", "2026-09-30", "2026-09-26"},
            {"3", "11", "system", "SYS1", "decision", "Giao Văn phòng Chính phủ theo dõi hằng tháng các nhiệm vụ quá hạn của hệ thống thể chế.", "GO", null, null},
            {"3", "14", "initiative", "SYS6-S1", "action", "Bộ Khoa học và Công nghệ trình đề án mô hình ngôn ngữ lớn tiếng Việt trước 15/10/2026.", "MOST", "2026-10-15", null},
            {"4", "16", "initiative", "SYS4-S3", "action", "Bổ sung kế hoạch chia sẻ dữ liệu đất đai và doanh nghiệp; báo cáo tại phiên họp quý IV.", "MPS", "2026-11-30", null},
            {"4", "18", "locality", "79", "action", "TP. Hồ Chí Minh báo cáo tỉ lệ xã hoàn thành chuyển đổi số trước 15/11/2026.", null, "2026-11-15", "2026-11-12"},
            {"4", "19", "system", "SYS1", "action", "Các bộ hoàn thành dứt điểm nhiệm vụ quá hạn trên 90 ngày.", "GO", "2026-11-30", null},
            {"4", "20", "kpi", "R57-01", "decision", "Thống nhất dùng số liệu của Cục Thống kê làm số liệu chính thức về kinh tế số.", "NSO", null, null}};

    private void writeMeetings(Connection c) throws SQLException {
        try (PreparedStatement m = c.prepareStatement("INSERT INTO meetings (id, title_vi, title_en, starts_at, location) VALUES (?,?,?,?,?)");
             PreparedStatement a = c.prepareStatement("INSERT INTO agenda_items (id, meeting_id, position, title_vi, title_en, target_kind, target_id,"
                     + " presenter_vi, presenter_en, presenter_agency_id, minutes) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement d = c.prepareStatement("INSERT INTO meeting_actions (id, meeting_id, agenda_item_id, meeting_starts_at, subject_kind,"
                     + " subject_code, kind, text, agency_code, due_date, done_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (DemoMeeting row : DEMO_MEETINGS) {
                m.setInt(1, row.id());
                m.setString(2, row.titleVi());
                m.setString(3, row.titleEn());
                m.setString(4, row.startsAt());
                m.setString(5, row.location());
                m.addBatch();
            }
            for (DemoItem row : DEMO_AGENDA) {
                a.setInt(1, row.id());
                a.setInt(2, row.meeting());
                a.setInt(3, row.position());
                a.setString(4, row.titleVi());
                a.setString(5, row.titleEn());
                a.setString(6, row.kind());
                a.setObject(7, row.kind() == null ? null : idOf(c, row.kind(), row.code()));
                a.setString(8, row.presenterVi());
                a.setString(9, row.presenterEn());
                a.setObject(10, row.presenterAgency() == null ? null : agencyId(row.presenterAgency()));
                a.setInt(11, row.minutes());
                a.addBatch();
            }
            int n = 0;
            for (String[] row : DEMO_ACTIONS) {
                DemoMeeting meeting = DEMO_MEETINGS.stream().filter(x -> x.id() == Integer.parseInt(row[0])).findFirst().orElseThrow();
                // recorded during the meeting; ids fixed so the demo file is the same every time
                String at = LocalDate.parse(meeting.startsAt().substring(0, 10)) + "T0" + (2 + n % 3) + ":00:00Z";
                d.setString(1, "demo-action-" + (++n));
                d.setInt(2, meeting.id());
                d.setInt(3, Integer.parseInt(row[1]));
                d.setString(4, meeting.startsAt());
                for (int i = 2; i <= 7; i++) d.setString(i + 3, row[i]);
                d.setString(11, row[8] == null ? null : row[8] + "T10:00:00Z");
                d.setString(12, at);
                d.setString(13, row[8] != null ? row[8] + "T10:00:00Z" : at);
                d.addBatch();
            }
            m.executeBatch();
            a.executeBatch();
            d.executeBatch();
            count("meetings", DEMO_MEETINGS.size());
            count("agenda_items", DEMO_AGENDA.size());
            count("meeting_actions", DEMO_ACTIONS.length);
        }
    }

    /** The id of a subject written by its code (the rows are in the file by now). */
    private static long idOf(Connection c, String kind, String code) throws SQLException {
        String table = switch (kind) {
            case "system" -> "systems";
            case "initiative" -> "initiatives";
            case "agency" -> "agencies";
            case "locality" -> "localities";
            case "kpi" -> "kpis";
            default -> throw new IllegalStateException("demo agenda names an unknown kind " + kind);
        };
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE code = ?")) {
            ps.setString(1, code);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("demo agenda names unknown " + kind + " " + code);
                return rs.getLong(1);
            }
        }
    }

    /** Monthly progress reports before the as-of date, as syncs would have recorded them (ids 2 and 3). */
    private static final String[][] HISTORY_RUNS = {{"2026-09-15T01:00:00Z", "2026-09-15T01:00:04Z"}, {"2026-11-05T01:00:00Z", "2026-11-05T01:00:04Z"}};

    /**
     * The initiatives' progress as two progress reports changed it (September and early November),
     * written as the change history a sync keeps: so the demo's meetings can compare an
     * initiative's status with the one it had at the previous meeting. Each initiative moved by its
     * own random amount; about one in five did not move between two reports and about one in eight was revised down.
     */
    /**
     * Two initiatives on the demo's agendas whose early-November report was a big step (progress
     * before it, by initiative id): SYS4-S1 (fibre and 5G) and SYS6-S1 (the Vietnamese language
     * model) were behind at the October briefing and are on track now, so the demo shows a trend.
     */
    private static final Map<Long, Double> NOVEMBER_JUMPS = Map.of(16L, 0.12, 26L, 0.07);

    private void writeHistory(Connection c) throws SQLException {
        List<Object[]> now = new ArrayList<>(); // {id, status, progress}
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT id, status, progress FROM initiatives ORDER BY id")) {
            while (rs.next()) now.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getDouble(3)});
        }
        try (PreparedStatement run = c.prepareStatement("INSERT INTO sync_runs (id, kind, source, started_at, finished_at, status, message)"
                + " VALUES (?, 'delta', 'demo history (synthetic progress reports)', ?, ?, 'succeeded', 'demo progress report')");
             PreparedStatement log = c.prepareStatement("INSERT INTO change_log (run_id, seq, entity, entity_key, op, old_value, new_value)"
                     + " VALUES (?, ?, 'initiative', ?, 'update', ?, ?)")) {
            // before[i] = {status, progress} before the later report; worked backwards from today's state
            String[] laterStatus = new String[now.size()];
            double[] laterProgress = new double[now.size()];
            for (int i = 0; i < now.size(); i++) {
                laterStatus[i] = (String) now.get(i)[1];
                laterProgress[i] = (Double) now.get(i)[2];
            }
            long entries = 0;
            for (int h = HISTORY_RUNS.length - 1; h >= 0; h--) {
                long runId = h + 2;
                run.setLong(1, runId);
                run.setString(2, HISTORY_RUNS[h][0]);
                run.setString(3, HISTORY_RUNS[h][1]);
                run.addBatch();
                int seq = 0;
                for (int i = 0; i < now.size(); i++) {
                    long id = (Long) now.get(i)[0];
                    if (laterStatus[i].equals("not_started") || laterStatus[i].equals("suspended")) continue;
                    SplittableRandom r = rng(9, id * 10 + h);
                    // most moved on; some stalled; a few were revised down after a review (so "then" was higher)
                    double kind = r.nextDouble();
                    double step = kind < 0.2 ? 0 : kind < 0.32 ? -(0.04 + 0.08 * r.nextDouble()) : 0.03 + 0.15 * r.nextDouble();
                    step = Math.round(step * 100) / 100.0;
                    double before = Math.min(0.98, Math.max(0, Math.round((laterProgress[i] - step) * 100) / 100.0));
                    Double told = h == 1 ? NOVEMBER_JUMPS.get(id) : null;
                    if (told != null) before = told;
                    String beforeStatus = laterStatus[i].equals("completed") ? "in_progress" : before < 0.02 ? "not_started" : laterStatus[i];
                    if (laterStatus[i].equals("completed") && before >= 1) before = 0.95;
                    if (beforeStatus.equals(laterStatus[i]) && before == laterProgress[i]) continue;
                    log.setLong(1, runId);
                    log.setLong(2, ++seq);
                    log.setString(3, Long.toString(id));
                    log.setString(4, beforeStatus + " " + before);
                    log.setString(5, laterStatus[i] + " " + laterProgress[i]);
                    log.addBatch();
                    entries++;
                    laterStatus[i] = beforeStatus;
                    laterProgress[i] = before;
                }
            }
            run.executeBatch();
            log.executeBatch();
            count("sync_runs", HISTORY_RUNS.length);
            count("change_log", entries);
        }
    }

    private void writeInfo(Connection c) throws SQLException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("demo", "true");
        info.put("scale", scale.id());
        info.put("seed", Long.toString(seed));
        info.put("as_of", AS_OF.toString());
        info.put("first_period", Integer.toString(FIRST_PERIOD));
        info.put("generator", "R57 Desk demo generator 1");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_info (key, value) VALUES (?,?)");
             Statement st = c.createStatement()) {
            for (var e : info.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
            count("dataset_info", info.size());
            st.execute("INSERT INTO sync_runs (id, kind, source, started_at, finished_at, status, message) VALUES (1, 'generate', "
                    + "'demo generator, scale " + scale.id() + ", seed " + seed + "', '" + AS_OF + "T00:00:00Z', '" + AS_OF
                    + "T00:00:00Z', 'succeeded', 'demo dataset')");
            count("sync_runs", 1);
        }
    }
}
