package vn.r57desk.store.handout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A table across the content width: wrapped cells, a shaded header repeated on each new page. */
final class Table {
    static final float SIZE = 9;
    static final float PAD = 4;
    static final float LEAD = SIZE * 1.32f;

    private Table() {}

    static void draw(HandoutPdf h, PdfCanvas pdf, float[] fractions, String[] header, List<String[]> rows) throws IOException {
        float[] widths = new float[fractions.length];
        for (int i = 0; i < fractions.length; i++) widths[i] = fractions[i] * PdfCanvas.CONTENT;
        if (header != null) {
            pdf.ensure(rowHeight(pdf, header, widths, true) + rowHeight(pdf, rows.isEmpty() ? header : rows.getFirst(), widths, false));
            row(pdf, header, widths, true);
        }
        for (String[] r : rows) {
            if (pdf.ensure(rowHeight(pdf, r, widths, false)) && header != null) row(pdf, header, widths, true);
            row(pdf, r, widths, false);
        }
    }

    private static List<List<String>> cells(PdfCanvas pdf, String[] r, float[] widths, boolean head) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            out.add(pdf.wrap(i < r.length ? r[i] : "", head ? pdf.bold : pdf.regular, SIZE, widths[i] - 2 * PAD));
        }
        return out;
    }

    private static float rowHeight(PdfCanvas pdf, String[] r, float[] widths, boolean head) throws IOException {
        int lines = 1;
        for (List<String> c : cells(pdf, r, widths, head)) lines = Math.max(lines, c.size());
        return lines * LEAD + 2 * PAD;
    }

    private static void row(PdfCanvas pdf, String[] r, float[] widths, boolean head) throws IOException {
        List<List<String>> cells = cells(pdf, r, widths, head);
        int lines = 1;
        for (List<String> c : cells) lines = Math.max(lines, c.size());
        float height = lines * LEAD + 2 * PAD;
        float top = pdf.y;
        if (head) pdf.rect(PdfCanvas.MARGIN, top - height, PdfCanvas.CONTENT, height, HandoutPdf.SHADE);
        float x = PdfCanvas.MARGIN;
        for (int i = 0; i < widths.length; i++) {
            float baseline = top - PAD - SIZE;
            for (String line : cells.get(i)) {
                pdf.text(line, head ? pdf.bold : pdf.regular, SIZE, x + PAD, baseline, head ? HandoutPdf.MUTED : HandoutPdf.INK);
                baseline -= LEAD;
            }
            x += widths[i];
        }
        pdf.line(PdfCanvas.MARGIN, top - height, PdfCanvas.MARGIN + PdfCanvas.CONTENT, top - height, 0.4f, HandoutPdf.RULE, false);
        pdf.y = top - height;
    }
}
