package vn.r57desk.app.meetings;

import java.util.Optional;

import vn.r57desk.app.nav.Place;
import vn.r57desk.store.meeting.Subject;
import vn.r57desk.store.query.Catalog;

/** Where a subject of a meeting opens: its system, initiative, KPI, ministry or province screen, found by its stable code. */
final class SubjectPlaces {
    private SubjectPlaces() {}

    /** The subject's screen, or empty when the data no longer has it (or has no screen for it, e.g. a commune). */
    static Optional<Place> of(Catalog c, Subject s, Place from) {
        if (s == null) return Optional.empty();
        String code = s.code();
        return switch (s.kind()) {
            case SYSTEM -> c.systems().values().stream().filter(x -> x.code().equals(code)).findFirst()
                    .map(x -> new Place.SystemInitiatives(x.id()));
            case INITIATIVE -> c.initiatives().values().stream().filter(x -> x.code().equals(code)).findFirst()
                    .map(x -> new Place.InitiativeDetail(x.id(), x.systemId()));
            case KPI -> c.kpis().values().stream().filter(x -> x.code().equals(code)).findFirst()
                    .map(x -> new Place.KpiSeries(x.id(), c.nationalScope(), from));
            case AGENCY -> c.agencies().values().stream().filter(x -> x.code().equals(code)).findFirst()
                    .map(x -> new Place.Ministry(x.id()));
            case LOCALITY -> c.provinces().values().stream().filter(x -> x.code().equals(code)).findFirst()
                    .map(x -> new Place.Province(x.id(), Place.Localities.defaultKpi(c)));
        };
    }
}
