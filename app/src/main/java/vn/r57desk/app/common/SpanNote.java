package vn.r57desk.app.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javafx.scene.control.Label;

import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.store.model.PeriodRange;

/**
 * The one line a screen states the span of its figures with, above its tables: "Tính trên kỳ
 * 01/2025 – 11/2026, đến ngày 20/11/2026". Task counts, on-time rates, KPI values, reporting
 * timeliness and ranks are computed over {@link #range}; a committee member recomputing a figure
 * by hand must know which months it covers (issue 22 item 3; docs/metrics.md "What the period
 * range applies to"). Where the screen counts tasks due within 30 / 90 days, the line also says
 * that those look ahead from today and ignore the period.
 */
public final class SpanNote {
    /** Id of the line, for tests. */
    public static final String ID = "span-note";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private SpanNote() {}

    /** The span every screen's figures are computed over: the programme's months up to today's. */
    public static PeriodRange range(LocalDate today) {
        return PeriodRange.programmeTo(today);
    }

    /** "Tính trên kỳ 01/2025 – 11/2026, đến ngày 20/11/2026." and, with {@code dueWindows}, the rule of "due within 30 / 90 days". */
    public static String text(Ctx ctx, boolean dueWindows) {
        PeriodRange r = range(ctx.asOf());
        String span = ctx.t("span.over", r.from().format(MONTH), r.to().format(MONTH), ctx.date(ctx.asOf()));
        return dueWindows ? span + " " + ctx.t("span.due") : span;
    }

    /** The line itself, muted and wrapping, to put above a screen's tables. */
    public static Label label(Ctx ctx, boolean dueWindows) {
        Label l = new Label(text(ctx, dueWindows));
        l.setId(ID);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.MUTED);
        return l;
    }
}
