package vn.r57desk.app.screens;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Navigator;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.theme.Theme;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.query.Catalog;
import vn.r57desk.store.query.Results.KpiStatus;

/**
 * What every screen needs to draw itself: text, navigation, the catalogue, number and date formats,
 * where notes go, the laptop's own records (private notes, meeting decisions) and whether a meeting
 * is being presented.
 */
public record Ctx(Messages m, Navigator nav, Catalog catalog, TaskRunner runner, Consumer<String> toast, Theme theme,
                  NotesSink feedback, LocalDate asOf, LocalStore store, Presenting presenting) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    public String t(String key, Object... args) {
        return m.get(key, args);
    }

    public String name(Bilingual b) {
        return b.in(m.locale());
    }

    public String num(Number v) {
        if (v == null) return "–";
        NumberFormat nf = NumberFormat.getNumberInstance(m.locale());
        nf.setMaximumFractionDigits(2);
        return nf.format(v);
    }

    public String pct(Number share) {
        if (share == null) return "–";
        NumberFormat nf = NumberFormat.getNumberInstance(m.locale());
        nf.setMaximumFractionDigits(1);
        return nf.format(share.doubleValue() * 100) + " %";
    }

    public String date(LocalDate d) {
        return d == null ? "" : d.format(DATE);
    }

    public String period(Integer p) {
        return p == null ? "" : Period.toYearMonth(p).format(MONTH);
    }

    /** What a table needs beyond its rows: text, where its export runs, where it says so, and the figures' date for the CSV. */
    public vn.r57desk.app.widgets.DataTable.Env tables() {
        return new vn.r57desk.app.widgets.DataTable.Env(m, runner, toast, asOf);
    }

    /**
     * An agency where a column has little room, as a Vietnamese reader knows it: the Vietnamese
     * abbreviation of its name in a Vietnamese window ("BCA" for Bộ Công an, "BKH&CN" for Bộ Khoa
     * học và Công nghệ; the codes are English acronyms, MPS and MOST), its code in an English one.
     * Full names did not fit a table on a 1024-pixel projector.
     */
    public String agency(long agencyId) {
        var a = catalog.agencies().get(agencyId);
        return a == null ? "" : m.english() ? a.code() : abbreviation(a.name().vi());
    }

    /** "Bộ Khoa học và Công nghệ" → "BKH&CN": each word's initial, "và" as "&", a part in brackets left out. */
    public static String abbreviation(String vietnameseName) {
        StringBuilder b = new StringBuilder();
        for (String w : vietnameseName.replaceAll("\\(.*?\\)", " ").split("[\\s,]+")) {
            if (w.isEmpty()) continue;
            if (w.equals("và")) b.append('&');
            else b.appendCodePoint(Character.toUpperCase(w.codePointAt(0)));
        }
        return b.toString();
    }

    /**
     * Decimals a KPI's values are shown with, the same on every screen (table, chart, tile, bars):
     * one for a share in per cent or a KPI whose baseline or target has decimals, none for a count
     * or a rank. Before, a value showed "46,63" in a table and "46,6" on its tile.
     */
    public static int decimals(Kpi k) {
        if (k.unit().en().startsWith("rank")) return 0;
        if (k.unit().en().contains("%")) return 1;
        for (Double v : new Double[] {k.baseline(), k.target2030()}) {
            if (v != null && v != Math.rint(v)) return 1;
        }
        return 0;
    }

    /** A value of KPI {@code k}, with its own number of decimals. */
    public String kpiValue(Kpi k, Number v) {
        if (v == null) return "–";
        NumberFormat nf = NumberFormat.getNumberInstance(m.locale());
        int d = decimals(k);
        nf.setMinimumFractionDigits(d);
        nf.setMaximumFractionDigits(d);
        return nf.format(v);
    }

    /**
     * A target as the source writes it (">=30", ">55", "<=5"), said with its sign, its number in the
     * window's format and its unit: "≥ 30 % GDP". The source's text when it is not a comparison and a number.
     */
    public String target(Kpi k, String text) {
        if (text == null) return "–";
        String unit = ctx_unit(k);
        NumberFormat nf = NumberFormat.getNumberInstance(m.locale());
        nf.setMaximumFractionDigits(decimals(k));
        // A range ("40-50"): both ends in the window's format, an en dash, the unit once ("40–50 %").
        java.util.regex.Matcher range = java.util.regex.Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)\\s*").matcher(text);
        if (range.matches()) {
            return nf.format(Double.parseDouble(range.group(1))) + "–" + nf.format(Double.parseDouble(range.group(2)))
                    + (unit.isEmpty() ? "" : " " + unit);
        }
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("\\s*(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*").matcher(text);
        if (!x.matches()) return text.replace(">=", "≥ ").replace("<=", "≤ ");
        String sign = x.group(1) == null ? "" : switch (x.group(1)) {
            case ">=" -> "≥ ";
            case "<=" -> "≤ ";
            case "=" -> "";
            default -> x.group(1) + " ";
        };
        // A target is a round figure: its decimals as given, up to the KPI's ("≥ 30 % GDP", not "≥ 30,0").
        return sign + nf.format(Double.parseDouble(x.group(2))) + (unit.isEmpty() ? "" : " " + unit);
    }

    private String ctx_unit(Kpi k) {
        return k.unit() == null ? "" : name(k.unit());
    }

    public String rag(Rag r) {
        return m.get("rag." + r.name());
    }

    /**
     * A KPI's status as words, saying when it rests on an old value: "Đúng tiến độ · số liệu cũ 7
     * tháng" / "On track · 7 months old" (docs/metrics.md: old from {@link KpiStatus#OLD_AFTER_MONTHS}
     * months). The colour alone read as current.
     */
    public String kpiStatus(KpiStatus s) {
        return s.old() ? rag(s.rag()) + " · " + old(s) : rag(s.rag());
    }

    /** "số liệu cũ 7 tháng" / "7 months old" for an old status, "" otherwise. */
    public String old(KpiStatus s) {
        return s.old() ? m.get("kpi.old", String.valueOf(s.monthsOld())) : "";
    }
}
