package vn.r57desk.store.cli;

import java.time.LocalDate;

import vn.r57desk.store.model.Agency;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Locality;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.SystemInfo;
import vn.r57desk.store.query.DrillDown;

/** The parameters of one query, with codes resolved to ids and a clear error for unknown codes. */
record QueryArgs(DrillDown dd, LocalDate today, PeriodRange range, String system, String initiative, String agency,
                 String province, String locality, String kpi, int limit) {

    long systemId() {
        String code = require(system, "--system");
        return dd.catalog().systems().values().stream().filter(s -> s.code().equalsIgnoreCase(code)).map(SystemInfo::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown system '" + code + "' (use SYS1 … SYS6)"));
    }

    long initiativeId() {
        String code = require(initiative, "--initiative");
        return dd.catalog().initiatives().values().stream().filter(i -> i.code().equalsIgnoreCase(code)).map(Initiative::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown initiative '" + code + "' (e.g. SYS4-S2)"));
    }

    long agencyId() {
        String code = require(agency, "--agency");
        return dd.catalog().agencies().values().stream().filter(a -> a.code().equalsIgnoreCase(code)).map(Agency::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown agency '" + code + "' (e.g. MOST, MOF, MPS)"));
    }

    long provinceId() {
        String code = require(province, "--province");
        return dd.catalog().provinces().values().stream().filter(p -> p.code().equals(code)).map(Locality::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown province code '" + code + "' (two digits, e.g. 01 for Hà Nội)"));
    }

    long kpiId() {
        return dd.catalog().kpis().values().stream().filter(k -> k.code().equalsIgnoreCase(kpi)).map(Kpi::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown KPI '" + kpi + "' (e.g. R57-04)"));
    }

    private static String require(String v, String flag) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException("this query needs " + flag);
        return v;
    }
}
