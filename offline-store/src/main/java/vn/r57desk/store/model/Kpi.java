package vn.r57desk.store.model;

import java.util.Set;

/**
 * A KPI. Targets keep the text of the source ({@code >=30}, {@code 40-50}) next to the number the
 * trajectory aims at. {@code baseline} is null where no public figure exists.
 */
public record Kpi(long id, String code, long systemId, Long initiativeId, Bilingual name, Bilingual shortName, Bilingual unit,
                  Direction direction, Double baseline, String baselineYear, Double target2030, String target2030Text,
                  Double target2045, String target2045Text, Set<ScopeKind> levels, boolean headline, boolean synthetic) {
    public Kpi {
        // In the enum's order (national, agency, province, commune) on every run: Set.copyOf iterates
        // in a per-JVM random order, which made `query overview --json` differ between runs.
        levels = levels.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(levels));
    }
}
