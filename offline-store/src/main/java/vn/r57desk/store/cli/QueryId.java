package vn.r57desk.store.cli;

import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.query.DrillDown;

/** Every drill-down the app draws, by the name the CLI and the benchmark use. */
enum QueryId {
    overview {
        Object run(QueryArgs a) throws CacheException { return a.dd().overview(a.today(), a.range()); }
    },
    status_by_system {
        Object run(QueryArgs a) { return a.dd().statusBySystem(a.today()); }
    },
    status_by_ministry {
        Object run(QueryArgs a) { return a.dd().statusByMinistry(a.today()); }
    },
    status_by_province {
        Object run(QueryArgs a) throws CacheException { return a.dd().statusByProvince(a.today()); }
    },
    system_initiatives {
        Object run(QueryArgs a) throws CacheException { return a.dd().initiatives(a.systemId(), null, a.today(), a.range()); }
    },
    initiative {
        Object run(QueryArgs a) throws CacheException { return a.dd().initiative(a.initiativeId(), a.today(), a.range()); }
    },
    initiative_tasks {
        Object run(QueryArgs a) throws CacheException {
            return a.dd().tasks(DrillDown.TaskOwner.INITIATIVE, a.initiativeId(), a.today(), a.range(), a.limit());
        }
    },
    kpi_series {
        Object run(QueryArgs a) throws CacheException {
            long scope = a.locality() != null ? a.dd().localityScope(a.dd().localityIdByCode(a.locality()))
                    : a.province() != null ? a.dd().localityScope(a.provinceId())
                    : a.agency() != null ? a.dd().catalog().agencyScopes().get(a.agencyId())
                    : a.dd().catalog().nationalScope();
            return a.dd().kpiSeries(a.kpiId(), scope, a.range());
        }
    },
    ministry {
        Object run(QueryArgs a) throws CacheException { return a.dd().ministry(a.agencyId(), a.today(), a.range()); }
    },
    ministry_tasks {
        Object run(QueryArgs a) throws CacheException {
            return a.dd().tasks(DrillDown.TaskOwner.AGENCY, a.agencyId(), a.today(), a.range(), a.limit());
        }
    },
    ministry_grid {
        Object run(QueryArgs a) { return a.dd().ministryGrid(a.today()); }
    },
    provinces {
        Object run(QueryArgs a) throws CacheException { return a.dd().provinces(a.kpiId(), a.today(), a.range()); }
    },
    communes {
        Object run(QueryArgs a) throws CacheException {
            return a.dd().communes(a.provinceId(), a.kpiId(), a.today(), a.range(), DrillDown.CommuneOrder.CODE, 0, a.limit());
        }
    },
    locality {
        Object run(QueryArgs a) throws CacheException {
            String code = a.locality() != null ? a.locality() : a.province();
            if (code == null) throw new IllegalArgumentException("this query needs --locality (or --province)");
            return a.dd().locality(a.dd().localityIdByCode(code), a.today(), a.range());
        }
    },
    locality_tasks {
        Object run(QueryArgs a) throws CacheException {
            String code = a.locality() != null ? a.locality() : a.province();
            if (code == null) throw new IllegalArgumentException("this query needs --locality (or --province)");
            return a.dd().tasks(DrillDown.TaskOwner.LOCALITY, a.dd().localityIdByCode(code), a.today(), a.range(), a.limit());
        }
    },
    deadlines_by_agency {
        Object run(QueryArgs a) throws CacheException { return a.dd().rankings().deadlinesByAgency(a.today(), a.range()); }
    },
    deadlines_by_province {
        Object run(QueryArgs a) throws CacheException { return a.dd().rankings().deadlinesByProvince(a.today(), a.range()); }
    },
    rank_ministries {
        Object run(QueryArgs a) throws CacheException { return a.dd().rankings().rankMinistries(a.today(), a.range()); }
    },
    rank_provinces {
        Object run(QueryArgs a) throws CacheException { return a.dd().rankings().rankProvinces(a.today(), a.range()); }
    };

    abstract Object run(QueryArgs a) throws CacheException;

    /**
     * What the chosen periods mean for this query, printed under the table header so that a reader
     * knows which span each figure covers (docs/metrics.md); empty when it is only "periods X to Y".
     */
    java.util.List<String> spanNotes(java.time.LocalDate today, vn.r57desk.store.model.PeriodRange r) {
        String months = r.from() + " to " + r.to();
        return switch (this) {
            case overview, system_initiatives, initiative, ministry, locality, provinces, communes -> java.util.List.of(
                    "tasks: deadlines from " + r.firstDay() + " to " + r.endExclusive().minusDays(1)
                            + "; 'due within 30/90 days' looks ahead from " + today + " (to " + today.plusDays(30) + " / "
                            + today.plusDays(90) + " included), whatever the periods");
            case initiative_tasks, ministry_tasks, locality_tasks -> java.util.List.of(
                    "tasks with a deadline from " + r.firstDay() + " to " + r.endExclusive().minusDays(1) + " (periods " + months + ")");
            case deadlines_by_agency, deadlines_by_province -> java.util.List.of(
                    "tasks with a deadline from " + r.firstDay() + " to " + r.endExclusive().minusDays(1) + " (periods " + months + ")",
                    "'due within 30/90 days' looks ahead from " + today + " (to " + today.plusDays(30) + " / " + today.plusDays(90)
                            + " included), whatever the periods");
            case rank_ministries, rank_provinces -> java.util.List.of(
                    "ranking over periods " + months + ": tasks with a deadline in them, reports of their months due by " + today
                            + (this == rank_ministries ? "; initiative delivery as of " + today : "; each KPI's latest value up to " + r.to()));
            case status_by_system, status_by_ministry, status_by_province, ministry_grid -> java.util.List.of(
                    "initiative statuses as of " + today + " (the periods do not apply)");
            case kpi_series -> java.util.List.of();
        };
    }

    /** The name on the command line and in benchmark output: {@code status-by-system}. */
    String cliName() {
        return name().replace('_', '-');
    }

    @Override
    public String toString() {
        return cliName();
    }
}
