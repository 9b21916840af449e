package vn.r57desk.store.generate;

import java.util.List;
import java.util.Map;

/** The real names and targets bundled from shared/reference-data (see the README beside the CSVs). */
public record ReferenceData(List<Map<String, String>> systems, List<Map<String, String>> agencies,
                            List<Map<String, String>> provinces, List<Map<String, String>> kpis) {
    private static final String DIR = "/vn/r57desk/store/reference/";

    /** A bundled CSV as rows of column name → text. */
    public static List<Map<String, String>> csv(String resource) {
        return Csv.read(resource);
    }

    public static ReferenceData load() {
        ReferenceData d = new ReferenceData(Csv.read(DIR + "systems.csv"), Csv.read(DIR + "ministries.csv"),
                Csv.read(DIR + "provinces.csv"), Csv.read(DIR + "kpis.csv"));
        if (d.systems.size() != 6) throw new IllegalStateException("expected 6 systems, found " + d.systems.size());
        if (d.provinces.size() != 34) throw new IllegalStateException("expected 34 provinces, found " + d.provinces.size());
        return d;
    }
}
