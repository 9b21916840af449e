package vn.r57desk.store.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Direction;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Locality;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.model.SystemInfo;

/**
 * The small tables every view needs (systems, agencies, provinces, initiatives, KPIs, scope ids),
 * read once per cache state and held in memory. Communes are not here: they are read per province.
 */
public record Catalog(Map<Long, SystemInfo> systems, Map<Long, Agency> agencies, Map<Long, Locality> provinces,
                      Map<Long, Initiative> initiatives, Map<Long, Kpi> kpis, Map<Long, Long> agencyScopes,
                      Map<Long, Long> provinceScopes, long nationalScope, Map<String, String> info,
                      Map<Long, Integer> communeCounts, Set<Long> agenciesWithTasks) {

    public static Catalog load(Connection c) throws SQLException {
        Map<Long, SystemInfo> systems = new LinkedHashMap<>();
        Map<Long, Agency> agencies = new LinkedHashMap<>();
        Map<Long, Locality> provinces = new LinkedHashMap<>();
        Map<Long, Initiative> initiatives = new LinkedHashMap<>();
        Map<Long, Kpi> kpis = new LinkedHashMap<>();
        Map<Long, Long> agencyScopes = new HashMap<>();
        Map<Long, Long> provinceScopes = new HashMap<>();
        Map<String, String> info = new HashMap<>();
        Map<Long, Integer> communeCounts = new HashMap<>();
        Set<Long> agenciesWithTasks = new java.util.HashSet<>();
        long national = 0;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, code, kind, name_vi, name_en, sort_order FROM systems ORDER BY sort_order")) {
                while (rs.next()) systems.put(rs.getLong(1), new SystemInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new Bilingual(rs.getString(4), rs.getString(5)), rs.getInt(6)));
            }
            try (ResultSet rs = st.executeQuery("SELECT id, code, name_vi, name_en, kind FROM agencies ORDER BY id")) {
                while (rs.next()) agencies.put(rs.getLong(1), new Agency(rs.getLong(1), rs.getString(2),
                        new Bilingual(rs.getString(3), rs.getString(4)), rs.getString(5)));
            }
            try (ResultSet rs = st.executeQuery("SELECT " + Rows.LOCALITY_COLUMNS + " FROM localities WHERE level = 'province' ORDER BY code")) {
                while (rs.next()) {
                    Locality l = Rows.locality(rs);
                    provinces.put(l.id(), l);
                }
            }
            Map<Long, List<Long>> coord = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT initiative_id, agency_id FROM initiative_coordinators ORDER BY 1, 2")) {
                while (rs.next()) coord.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT id, code, system_id, title_vi, title_en, orientation_vi, orientation_en, outputs_vi, outputs_en,
                      criteria_vi, criteria_en, lead_agency_id, chief_engineer, start_date, deadline, phase, status, progress, synthetic
                    FROM initiatives ORDER BY system_id, code""")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    initiatives.put(id, new Initiative(id, rs.getString(2), rs.getLong(3), new Bilingual(rs.getString(4), rs.getString(5)),
                            new Bilingual(rs.getString(6), rs.getString(7)), new Bilingual(rs.getString(8), rs.getString(9)),
                            new Bilingual(rs.getString(10), rs.getString(11)), rs.getLong(12), coord.getOrDefault(id, List.of()),
                            rs.getString(13), LocalDate.parse(rs.getString(14)), LocalDate.parse(rs.getString(15)), rs.getInt(16),
                            Initiative.Status.fromDb(rs.getString(17)), rs.getDouble(18), rs.getInt(19) == 1));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT id, code, system_id, initiative_id, name_vi, name_en, unit_vi, unit_en, direction, baseline, baseline_year,
                      target_2030, target_2030_text, target_2045, target_2045_text, levels, headline, synthetic, short_vi, short_en
                    FROM kpis ORDER BY id""")) {
                while (rs.next()) {
                    Set<ScopeKind> levels = EnumSet.noneOf(ScopeKind.class);
                    Arrays.stream(rs.getString(16).split(",")).map(String::trim).map(ScopeKind::fromDb).forEach(levels::add);
                    kpis.put(rs.getLong(1), new Kpi(rs.getLong(1), rs.getString(2), rs.getLong(3), Rows.nullableLong(rs, 4),
                            new Bilingual(rs.getString(5), rs.getString(6)), new Bilingual(rs.getString(19), rs.getString(20)),
                            new Bilingual(rs.getString(7), rs.getString(8)),
                            Direction.fromDb(rs.getString(9)), Rows.nullableDouble(rs, 10), rs.getString(11),
                            Rows.nullableDouble(rs, 12), rs.getString(13), Rows.nullableDouble(rs, 14), rs.getString(15), levels,
                            rs.getInt(17) == 1, rs.getInt(18) == 1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, kind, agency_id, locality_id FROM scopes WHERE kind <> 'commune'")) {
                while (rs.next()) {
                    switch (rs.getString(2)) {
                        case "national" -> national = rs.getLong(1);
                        case "agency" -> agencyScopes.put(rs.getLong(3), rs.getLong(1));
                        case "province" -> provinceScopes.put(rs.getLong(4), rs.getLong(1));
                        default -> { }
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT parent_id, count(*) FROM localities WHERE parent_id IS NOT NULL GROUP BY parent_id")) {
                while (rs.next()) communeCounts.put(rs.getLong(1), rs.getInt(2));
            }
            // From the agency rows of the month rollup (a few hundred), not a scan of the tasks.
            try (ResultSet rs = st.executeQuery("SELECT grp - " + vn.r57desk.store.db.Rollups.TaskGroup.AGENCY.offset
                    + " FROM task_rollup_month WHERE grp >= " + vn.r57desk.store.db.Rollups.TaskGroup.AGENCY.offset
                    + " AND grp < " + vn.r57desk.store.db.Rollups.TaskGroup.AGENCY.end() + " GROUP BY grp HAVING sum(n_total) > 0")) {
                while (rs.next()) agenciesWithTasks.add(rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT key, value FROM dataset_info")) {
                while (rs.next()) info.put(rs.getString(1), rs.getString(2));
            }
        }
        return new Catalog(Map.copyOf(systems), Map.copyOf(agencies), Map.copyOf(provinces), Map.copyOf(initiatives),
                Map.copyOf(kpis), Map.copyOf(agencyScopes), Map.copyOf(provinceScopes), national, Map.copyOf(info),
                Map.copyOf(communeCounts), Set.copyOf(agenciesWithTasks));
    }

    public List<SystemInfo> systemList() {
        return systems.values().stream().sorted(java.util.Comparator.comparingInt(SystemInfo::sortOrder)).toList();
    }

    public List<Initiative> initiativesOfSystem(long systemId) {
        return initiatives.values().stream().filter(i -> i.systemId() == systemId)
                .sorted(java.util.Comparator.comparing(Initiative::code)).toList();
    }

    public boolean isDemo() {
        return "true".equals(info.get("demo"));
    }

    /** The date the data describes (demo data has a fixed one); null for live data. */
    public LocalDate dataAsOf() {
        String s = info.get("as_of");
        return s == null ? null : LocalDate.parse(s);
    }

    /**
     * The agencies the committee follows and ranks (docs/metrics.md, "Which agencies"): every
     * ministry and ministerial-level agency, and every other agency the committee assigns work to:
     * one that leads or coordinates an initiative or is assigned a task (VAST, NIC). The same list
     * is behind status by ministry, the ministry grid, deadlines by agency and the ministry ranking,
     * so that they add up to the same totals. In id order.
     */
    public List<Agency> ministries() {
        Set<Long> assigned = new java.util.HashSet<>(agenciesWithTasks);
        for (Initiative i : initiatives.values()) {
            assigned.add(i.leadAgencyId());
            assigned.addAll(i.coordinatingAgencyIds());
        }
        return agencies.values().stream()
                .filter(a -> a.kind().equals("ministry") || a.kind().equals("ministerial_agency") || assigned.contains(a.id()))
                .sorted(java.util.Comparator.comparingLong(Agency::id)).toList();
    }
}
