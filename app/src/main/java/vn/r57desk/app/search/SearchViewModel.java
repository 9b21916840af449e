package vn.r57desk.app.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import vn.r57desk.app.core.LatestOnly;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.nav.Place;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.text.VietnameseText;

/**
 * Global search (Ctrl+K) over initiatives, agencies, provinces, communes and KPIs, ignoring case
 * and diacritics. Each keystroke starts a new search off the FX thread; an older answer that
 * arrives late is dropped.
 */
public final class SearchViewModel {
    public static final int LIMIT = 30;

    public enum Kind { INITIATIVE, AGENCY, PROVINCE, COMMUNE, KPI }

    /** One hit: what it is, its label in both languages, and where it leads. */
    public record Hit(Kind kind, String code, Bilingual label, Place place) {}

    private final LatestOnly latest;
    private final ReadOnlyObjectWrapper<List<Hit>> results = new ReadOnlyObjectWrapper<>(List.of());

    public SearchViewModel(TaskRunner runner) {
        this.latest = new LatestOnly(runner);
    }

    public ReadOnlyObjectProperty<List<Hit>> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public void search(DrillDown dd, String query) {
        if (dd == null || VietnameseText.searchKey(query).isEmpty()) {
            latest.forget(); // a search still under way must not fill the cleared list
            results.set(List.of());
            return;
        }
        latest.run(() -> find(dd, query), results::set, e -> results.set(List.of()));
    }

    static List<Hit> find(DrillDown dd, String query) throws Exception {
        var cat = dd.catalog();
        List<Hit> out = new ArrayList<>();
        cat.initiatives().values().stream().sorted(Comparator.comparing(i -> i.code()))
                .filter(i -> matches(query, i.code(), i.title()))
                .forEach(i -> out.add(new Hit(Kind.INITIATIVE, i.code(), i.title(), new Place.InitiativeDetail(i.id(), i.systemId()))));
        cat.agencies().values().stream().filter(a -> matches(query, a.code(), a.name()))
                .forEach(a -> out.add(new Hit(Kind.AGENCY, a.code(), a.name(), new Place.Ministry(a.id()))));
        long kpiForMap = Place.Localities.defaultKpi(cat);
        cat.provinces().values().stream().filter(p -> matches(query, p.code(), p.name()))
                .forEach(p -> out.add(new Hit(Kind.PROVINCE, p.code(), p.name(), new Place.Province(p.id(), kpiForMap))));
        cat.kpis().values().stream().filter(k -> matches(query, k.code(), k.name()) || matches(query, k.code(), k.shortName()))
                .forEach(k -> out.add(new Hit(Kind.KPI, k.code(), k.name(),
                        new Place.KpiSeries(k.id(), cat.nationalScope(), new Place.Overview()))));
        if (out.size() < LIMIT) {
            for (var c : dd.searchCommunes(query, LIMIT - out.size())) {
                var province = cat.provinces().get(c.parentId());
                out.add(new Hit(Kind.COMMUNE, c.code(), new Bilingual(c.name().vi() + ", " + province.name().vi(),
                        c.name().en() + ", " + province.name().en()),
                        new Place.Commune(c.id(), c.parentId(), kpiForMap, c.name().vi(), c.name().en())));
            }
        }
        String q = VietnameseText.searchKey(query);
        // Best matches first: the name starts with the query, then every word starts a word, then anywhere.
        List<Hit> ranked = out.stream().sorted(Comparator.comparingInt((Hit h) -> rank(h, q))).toList();
        return List.copyOf(ranked.subList(0, Math.min(LIMIT, ranked.size())));
    }

    static int rank(Hit h, String q) {
        String vi = VietnameseText.searchKey(h.label().vi());
        String en = VietnameseText.searchKey(h.label().en());
        String code = VietnameseText.searchKey(h.code());
        if (code.equals(q) || vi.equals(q) || en.equals(q)) return 0;
        if (vi.startsWith(q) || en.startsWith(q) || code.startsWith(q)) return 1;
        if (wordStarts(vi, q) || wordStarts(en, q)) return 2;
        return 3;
    }

    private static boolean wordStarts(String text, String q) {
        String padded = " " + text.replaceAll("[^a-z0-9 ]", " ");
        for (String w : q.split(" ")) if (!padded.contains(" " + w)) return false;
        return true;
    }

    private static boolean matches(String query, String code, Bilingual name) {
        return VietnameseText.matches(code + " " + name.vi() + " " + name.en(), query);
    }
}
