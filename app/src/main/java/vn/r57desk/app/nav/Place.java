package vn.r57desk.app.nav;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.store.query.Catalog;

/**
 * Where the user is. Each place knows its parent, which gives the breadcrumb
 * (Hệ thống › Hệ thống 4 › initiative › KPI), and its title in the current language.
 */
public sealed interface Place {
    Place parent();

    String title(Messages m, Catalog c);

    /** The sidebar section a place belongs to. */
    default Place section() {
        Place p = this;
        while (p.parent() != null) p = p.parent();
        return p;
    }

    record Overview() implements Place {
        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.overview"); }
    }

    record Systems() implements Place {
        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.systems"); }
    }

    /**
     * A system's initiatives; {@code status} (null: all) preselects the status filter (a click on a
     * status's bar), {@code agencyId} (null: all) keeps those the agency leads or coordinates (a
     * cell of the ministries × systems grid).
     */
    record SystemInitiatives(long systemId, vn.r57desk.store.metrics.Rag status, Long agencyId) implements Place {
        public SystemInitiatives(long systemId) {
            this(systemId, null, null);
        }

        public Place parent() { return new Systems(); }
        public String title(Messages m, Catalog c) { return c.systems().get(systemId).name().in(m.locale()); }
    }

    record InitiativeDetail(long initiativeId, long systemId) implements Place {
        public Place parent() { return new SystemInitiatives(systemId); }
        public String title(Messages m, Catalog c) {
            var i = c.initiatives().get(initiativeId);
            return i.code() + " · " + i.title().in(m.locale());
        }
    }

    /** A KPI's series at one scope; {@code from} is the place it was opened from. */
    record KpiSeries(long kpiId, long scopeId, Place from) implements Place {
        public Place parent() { return from; }
        public String title(Messages m, Catalog c) { return c.kpis().get(kpiId).shortName().in(m.locale()); }
    }

    record Ministries() implements Place {
        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.ministries"); }
    }

    record Ministry(long agencyId) implements Place {
        public Place parent() { return new Ministries(); }
        public String title(Messages m, Catalog c) { return c.agencies().get(agencyId).name().in(m.locale()); }
    }

    /** The provinces, coloured by one KPI. */
    record Localities(long kpiId) implements Place {
        /** The KPI the locality screens open on: online public service use (R57-04), reported down to communes. */
        public static long defaultKpi(Catalog catalog) {
            return catalog.kpis().values().stream().filter(k -> k.code().equals("R57-04")).findFirst()
                    .orElse(catalog.kpis().values().iterator().next()).id();
        }

        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.localities"); }
    }

    /** A province: its communes, a page at a time, in code order or worst first. */
    record Province(long localityId, long kpiId, boolean worstFirst, int offset) implements Place {
        public Province(long localityId, long kpiId) {
            this(localityId, kpiId, false, 0);
        }

        public Place parent() { return new Localities(kpiId); }
        public String title(Messages m, Catalog c) { return c.provinces().get(localityId).name().in(m.locale()); }
    }

    /** One commune; its name comes with the loaded data. */
    record Commune(long localityId, long provinceId, long kpiId, String nameVi, String nameEn) implements Place {
        public Place parent() { return new Province(provinceId, kpiId); }
        public String title(Messages m, Catalog c) { return m.english() ? nameEn : nameVi; }
    }

    record Deadlines() implements Place {
        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.deadlines"); }
    }

    record Rankings() implements Place {
        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.rankings"); }
    }

    /** What the syncs changed over the last {@code days} (0: all remembered; {@link #SINCE_MEETING}: since the last meeting). */
    record Changes(int days, Rows rows) implements Place {
        /** The span from the last meeting held before today: "what changed since last time". */
        public static final int SINCE_MEETING = -1;

        /**
         * Which changed tasks and KPI values are listed: the filters (null: any) and the first row
         * of each list's page.
         */
        public record Rows(vn.r57desk.store.query.ChangeSummary.TaskKind kind, Long systemId, Long agencyId, Long provinceId,
                           int taskOffset, int valueOffset) {
            public static final Rows FIRST = new Rows(null, null, null, null, 0, 0);

            public vn.r57desk.store.query.ChangeSummary.Filter filter() {
                return new vn.r57desk.store.query.ChangeSummary.Filter(kind, systemId, agencyId, provinceId);
            }
        }

        public Changes(int days) {
            this(days, Rows.FIRST);
        }

        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.changes"); }
    }

    /** The meetings, upcoming and past, with their agendas. */
    record Meetings() implements Place {
        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.meetings"); }
    }

    /** One meeting's agenda and its decisions; its title comes with the place (the catalogue has no meetings). */
    record Meeting(long meetingId, String titleVi, String titleEn) implements Place {
        public Place parent() { return new Meetings(); }
        public String title(Messages m, Catalog c) { return m.english() ? titleEn : titleVi; }
    }

    /** The stocktake of one agenda item of a meeting. */
    record Stocktake(Meeting meeting, long itemId, String titleVi, String titleEn) implements Place {
        public Place parent() { return meeting; }
        public String title(Messages m, Catalog c) { return m.english() ? titleEn : titleVi; }
    }

    /** Every private note on this laptop, private and sent. */
    record MyNotes() implements Place {
        public Place parent() { return null; }
        public String title(Messages m, Catalog c) { return m.get("nav.mynotes"); }
    }

    /** The breadcrumb from the section down to {@code p}. */
    static java.util.List<Place> path(Place p) {
        java.util.ArrayDeque<Place> out = new java.util.ArrayDeque<>();
        for (Place x = p; x != null; x = x.parent()) out.addFirst(x);
        return java.util.List.copyOf(out);
    }
}
