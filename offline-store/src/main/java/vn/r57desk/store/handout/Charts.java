package vn.r57desk.store.handout;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.r57desk.store.meeting.Stocktake;
import vn.r57desk.store.meeting.Words;
import vn.r57desk.store.model.Period;
import vn.r57desk.store.query.Results.KpiSeries;
import vn.r57desk.store.query.Results.Point;

/** Charts drawn as PDF vector paths (sharp at any zoom and on any projector), not pictures. */
final class Charts {
    static final float HEIGHT = 128;
    static final float[] TRAJECTORY = {0.45f, 0.47f, 0.52f};
    static final float[] GRID = {0.90f, 0.91f, 0.93f};

    private Charts() {}

    /** A KPI's reported values against the straight line from its baseline to its target. */
    static void kpi(PdfCanvas pdf, KpiSeries s, LocalDate asOf, boolean vi) throws IOException {
        Locale l = vi ? Locale.forLanguageTag("vi-VN") : Locale.UK;
        pdf.ensure(HEIGHT + 70);
        pdf.paragraph((vi ? s.kpi().shortName().vi() + " (" + s.kpi().unit().vi() + ")" : s.kpi().shortName().en() + " (" + s.kpi().unit().en() + ")"),
                pdf.bold, 10, PdfCanvas.MARGIN, PdfCanvas.CONTENT, HandoutPdf.INK);
        List<double[]> actual = new ArrayList<>(); // {epochDay, value}
        for (Point p : s.points()) actual.add(new double[] {Period.midpoint(p.period()).toEpochDay(), p.value()});
        double[] start = {Period.midpoint(s.trajectoryStart().period()).toEpochDay(), s.trajectoryStart().value()};
        double[] end = {Period.midpoint(s.trajectoryEnd().period()).toEpochDay(), s.trajectoryEnd().value()};
        double x0 = Math.min(start[0], actual.isEmpty() ? start[0] : actual.getFirst()[0]);
        double x1 = end[0];
        double lo = Math.min(start[1], end[1]), hi = Math.max(start[1], end[1]);
        for (double[] a : actual) { lo = Math.min(lo, a[1]); hi = Math.max(hi, a[1]); }
        Plot plot = new Plot(pdf, x0, x1, lo, hi);
        plot.frame(l, v -> Words.number(v, l));
        plot.path(List.of(start, end), TRAJECTORY, 1.1f, true);
        plot.path(actual, HandoutPdf.ACCENT, 1.8f, false);
        if (!actual.isEmpty()) {
            double[] last = actual.getLast();
            plot.dot(last, HandoutPdf.ACCENT, 2.6f);
            plot.label(last, Words.number(last[1], l), HandoutPdf.ACCENT, 6, 4);
        }
        plot.diamond(end, HandoutPdf.INK);
        String year = Integer.toString(LocalDate.ofEpochDay((long) end[0]).getYear());
        plot.label(end, (vi ? "Mục tiêu " : "Target ") + year + ": " + Words.number(end[1], l), HandoutPdf.INK, -4, 8);
        plot.legend(vi ? "Thực tế" : "Reported", vi ? "Lộ trình kỳ vọng" : "Expected trajectory", vi ? "Mục tiêu" : "Target");
    }

    /** An initiative's progress against the straight line from 0% at its start to 100% at its deadline. */
    static void progress(PdfCanvas pdf, Stocktake.ProgressTrack t, LocalDate asOf, boolean vi) throws IOException {
        Locale l = vi ? Locale.forLanguageTag("vi-VN") : Locale.UK;
        pdf.ensure(HEIGHT + 70);
        pdf.paragraph(vi ? "Tiến độ sáng kiến so với kỳ vọng theo thời gian" : "Initiative progress against the calendar", pdf.bold, 10,
                PdfCanvas.MARGIN, PdfCanvas.CONTENT, HandoutPdf.INK);
        double x0 = t.start().toEpochDay(), x1 = Math.max(t.deadline().toEpochDay(), asOf.toEpochDay());
        Plot plot = new Plot(pdf, x0, x1, 0, 1);
        plot.frame(l, v -> Math.round(v * 100) + "%");
        plot.path(List.of(new double[] {x0, 0}, new double[] {t.deadline().toEpochDay(), 1}), TRAJECTORY, 1.1f, true);
        List<double[]> actual = new ArrayList<>();
        for (var p : t.actual()) actual.add(new double[] {p.date().toEpochDay(), p.value()});
        plot.path(actual, HandoutPdf.ACCENT, 1.8f, false);
        if (!actual.isEmpty()) {
            plot.dot(actual.getLast(), HandoutPdf.ACCENT, 2.6f);
            plot.label(actual.getLast(), Math.round(actual.getLast()[1] * 100) + "%", HandoutPdf.ACCENT, 6, 4);
        }
        plot.diamond(new double[] {t.deadline().toEpochDay(), 1}, HandoutPdf.INK);
        plot.label(new double[] {t.deadline().toEpochDay(), 1}, (vi ? "Hạn " : "Due ") + Words.day(t.deadline()), HandoutPdf.INK, -4, 8);
        plot.legend(vi ? "Tiến độ thực tế" : "Actual progress", vi ? "Tiến độ kỳ vọng" : "Expected progress", vi ? "Hạn hoàn thành" : "Deadline");
    }

    /** ▲ better (green), ▼ worse (red), ▶ the same (grey): drawn, so no font needs the glyph. */
    static void trendArrow(PdfCanvas pdf, Stocktake.Trend trend, float x, float cy) throws IOException {
        float[] c;
        var cs = pdf.cs;
        switch (trend) {
            case BETTER -> {
                c = HandoutPdf.ragColor(vn.r57desk.store.metrics.Rag.GREEN);
                cs.moveTo(x, cy - 5); cs.lineTo(x + 10, cy - 5); cs.lineTo(x + 5, cy + 5);
            }
            case WORSE -> {
                c = HandoutPdf.ragColor(vn.r57desk.store.metrics.Rag.RED);
                cs.moveTo(x, cy + 5); cs.lineTo(x + 10, cy + 5); cs.lineTo(x + 5, cy - 5);
            }
            case SAME -> {
                c = HandoutPdf.MUTED;
                cs.moveTo(x, cy - 5); cs.lineTo(x, cy + 5); cs.lineTo(x + 10, cy);
            }
            default -> {
                c = HandoutPdf.MUTED;
                cs.addRect(x, cy - 1, 10, 2);
            }
        }
        cs.closePath();
        cs.setNonStrokingColor(c[0], c[1], c[2]);
        cs.fill();
    }

    /** The plotting area at the cursor: x in epoch days, y in the data's unit. */
    private static final class Plot {
        final PdfCanvas pdf;
        final float left = PdfCanvas.MARGIN + 44, right = PdfCanvas.MARGIN + PdfCanvas.CONTENT - 70, top, bottom;
        final double x0, x1, y0, y1, step;

        Plot(PdfCanvas pdf, double x0, double x1, double lo, double hi) {
            this.pdf = pdf;
            this.top = pdf.y - 14;
            this.bottom = top - HEIGHT;
            this.x0 = x0;
            this.x1 = x1 <= x0 ? x0 + 1 : x1;
            double span = hi - lo;
            if (span < 1e-9) span = Math.max(1, Math.abs(hi));
            double s = nice(span / 4);
            this.step = s;
            this.y0 = Math.floor((lo - span * 0.05) / s) * s;
            this.y1 = Math.ceil((hi + span * 0.05) / s) * s;
        }

        static double nice(double raw) {
            double p = Math.pow(10, Math.floor(Math.log10(raw)));
            double f = raw / p;
            return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
        }

        float x(double d) {
            return (float) (left + (d - x0) / (x1 - x0) * (right - left));
        }

        float y(double v) {
            return (float) (bottom + (v - y0) / (y1 - y0) * (top - bottom));
        }

        void frame(Locale l, java.util.function.DoubleFunction<String> fmt) throws IOException {
            for (double v = y0; v <= y1 + step / 1000; v += step) {
                pdf.line(left, y(v), right, y(v), 0.5f, GRID, false);
                String s = pdf.clean(fmt.apply(Math.abs(v) < step / 1000 ? 0 : v));
                pdf.text(s, pdf.regular, 7.5f, left - 5 - pdf.width(s, pdf.regular, 7.5f), y(v) - 2.5f, HandoutPdf.MUTED);
            }
            pdf.line(left, bottom, right, bottom, 0.8f, HandoutPdf.MUTED, false);
            int first = LocalDate.ofEpochDay((long) x0).getYear() + 1, last = LocalDate.ofEpochDay((long) x1).getYear();
            int every = Math.max(1, (last - first + 1) / 8 + 1);
            for (int yr = first; yr <= last; yr += every) {
                double d = LocalDate.of(yr, 1, 1).toEpochDay();
                pdf.line(x(d), bottom, x(d), bottom - 3, 0.6f, HandoutPdf.MUTED, false);
                String s = Integer.toString(yr);
                pdf.text(s, pdf.regular, 7.5f, x(d) - pdf.width(s, pdf.regular, 7.5f) / 2, bottom - 12, HandoutPdf.MUTED);
            }
            pdf.y = bottom - 16;
        }

        void path(List<double[]> pts, float[] rgb, float width, boolean dashed) throws IOException {
            if (pts.size() < 2) return;
            var cs = pdf.cs;
            cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.setLineWidth(width);
            cs.setLineDashPattern(dashed ? new float[] {4, 3} : new float[0], 0);
            cs.moveTo(x(pts.getFirst()[0]), y(pts.getFirst()[1]));
            for (int i = 1; i < pts.size(); i++) cs.lineTo(x(pts.get(i)[0]), y(pts.get(i)[1]));
            cs.stroke();
            cs.setLineDashPattern(new float[0], 0);
        }

        void dot(double[] p, float[] rgb, float r) throws IOException {
            var cs = pdf.cs;
            float cx = x(p[0]), cy = y(p[1]);
            float k = 0.5523f * r;
            cs.moveTo(cx + r, cy);
            cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.fill();
        }

        void diamond(double[] p, float[] rgb) throws IOException {
            var cs = pdf.cs;
            float cx = x(p[0]), cy = y(p[1]);
            cs.moveTo(cx, cy + 4.5f);
            cs.lineTo(cx + 4.5f, cy);
            cs.lineTo(cx, cy - 4.5f);
            cs.lineTo(cx - 4.5f, cy);
            cs.closePath();
            cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            cs.fill();
        }

        /** A label beside a point: dx ≥ 0 to its right, dx < 0 ending left of it. */
        void label(double[] p, String text, float[] rgb, float dx, float dy) throws IOException {
            String s = pdf.clean(text);
            float w = pdf.width(s, pdf.regular, 8);
            float lx = dx >= 0 ? x(p[0]) + dx : x(p[0]) + dx - w;
            lx = Math.min(lx, PdfCanvas.MARGIN + PdfCanvas.CONTENT - w);
            float ly = Math.min(y(p[1]) + dy, top + 6);
            pdf.text(s, pdf.regular, 8, lx, ly, rgb);
        }

        void legend(String actual, String expected, String target) throws IOException {
            float ly = pdf.y - 6;
            float lx = left;
            pdf.line(lx, ly + 3, lx + 18, ly + 3, 1.8f, HandoutPdf.ACCENT, false);
            pdf.text(actual, pdf.regular, 8, lx + 22, ly, HandoutPdf.MUTED);
            lx += 30 + pdf.width(pdf.clean(actual), pdf.regular, 8);
            pdf.line(lx, ly + 3, lx + 18, ly + 3, 1.1f, TRAJECTORY, true);
            pdf.text(expected, pdf.regular, 8, lx + 22, ly, HandoutPdf.MUTED);
            lx += 30 + pdf.width(pdf.clean(expected), pdf.regular, 8);
            var cs = pdf.cs;
            cs.moveTo(lx + 5, ly + 7.5f);
            cs.lineTo(lx + 9.5f, ly + 3);
            cs.lineTo(lx + 5, ly - 1.5f);
            cs.lineTo(lx + 0.5f, ly + 3);
            cs.closePath();
            cs.setNonStrokingColor(HandoutPdf.INK[0], HandoutPdf.INK[1], HandoutPdf.INK[2]);
            cs.fill();
            pdf.text(target, pdf.regular, 8, lx + 14, ly, HandoutPdf.MUTED);
            pdf.y = ly - 14;
        }
    }
}
