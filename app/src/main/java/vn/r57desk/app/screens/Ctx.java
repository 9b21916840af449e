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
import vn.r57desk.store.model.Period;
import vn.r57desk.store.query.Catalog;

/**
 * What every screen needs to draw itself: text, navigation, the catalogue, number and date formats,
 * where notes go, the laptop's own records (private notes, meeting decisions) and whether a meeting
 * is being presented.
 */
public record Ctx(Messages m, Navigator nav, Catalog catalog, TaskRunner runner, Consumer<String> toast, Theme theme,
                  NotesSink feedback, LocalStore store, Presenting presenting) {
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

    public String rag(Rag r) {
        return m.get("rag." + r.name());
    }
}
