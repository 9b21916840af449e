package vn.r57desk.store.handout;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A4 pages drawn top to bottom with a cursor, in the bundled Noto Sans (embedded as a subset, so a
 * reader without the font sees Vietnamese right). PDFBox places no combining marks, so every text
 * goes through {@link #clean}: NFC (precomposed letters, which Noto Sans has) and a replacement for
 * any character the font lacks, instead of an exception in the middle of a handout.
 */
final class PdfCanvas implements AutoCloseable {
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 50;
    static final float TOP = HEIGHT - 56;
    /** Room kept at the bottom for the footer. */
    static final float BOTTOM = 62;
    static final float CONTENT = WIDTH - 2 * MARGIN;

    final PDDocument doc;
    final PDType0Font regular;
    final PDType0Font bold;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    PDPage page;
    PDPageContentStream cs;
    float y;

    PdfCanvas() throws IOException {
        doc = new PDDocument();
        regular = font("NotoSans-Regular.ttf");
        bold = font("NotoSans-Bold.ttf");
    }

    private PDType0Font font(String name) throws IOException {
        try (InputStream in = PdfCanvas.class.getResourceAsStream("/vn/r57desk/styles/fonts/" + name)) {
            if (in == null) throw new IOException("the bundled font " + name + " is missing from the styles module");
            return PDType0Font.load(doc, in, true);
        }
    }

    PDPage newPage() throws IOException {
        return newPage(PDRectangle.A4);
    }

    /** A new page of {@code size} (A4 portrait, or A4 turned for a wide view), the cursor at its top. */
    PDPage newPage(PDRectangle size) throws IOException {
        if (cs != null) cs.close();
        page = new PDPage(size);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = size.getHeight() - (HEIGHT - TOP);
        return page;
    }

    /** Starts a new page when fewer than {@code height} points are left above the footer. */
    boolean ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    /** NFC, and any character Noto Sans cannot draw replaced (a tab or line break by a space). */
    String clean(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) b.append(' ');
            else if (Character.isISOControl(cp)) { /* dropped */ }
            else if (glyphs.computeIfAbsent(cp, this::drawable)) b.appendCodePoint(cp);
            else b.append('?');
        });
        return b.toString();
    }

    private boolean drawable(int cp) {
        try {
            regular.encode(new String(Character.toChars(cp)));
            bold.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    float width(String cleaned, PDType0Font f, float size) throws IOException {
        return f.getStringWidth(cleaned) / 1000 * size;
    }

    void text(String s, PDType0Font f, float size, float x, float baseline, float[] rgb) throws IOException {
        String c = clean(s);
        if (c.isEmpty()) return;
        cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(c);
        cs.endText();
    }

    /** Lines of at most {@code width} points, broken at spaces (a word longer than a line is cut). */
    List<String> wrap(String s, PDType0Font f, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : clean(s).split(" ")) {
            if (word.isEmpty()) continue;
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, f, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) lines.add(line.toString());
            line.setLength(0);
            while (width(word, f, size) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && width(word.substring(0, cut), f, size) > width) cut--;
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        if (!line.isEmpty()) lines.add(line.toString());
        if (lines.isEmpty()) lines.add("");
        return lines;
    }

    /** A wrapped paragraph at the cursor, starting new pages as needed; the cursor ends below it. */
    void paragraph(String s, PDType0Font f, float size, float x, float width, float[] rgb) throws IOException {
        float lead = size * 1.38f;
        for (String line : wrap(s, f, size, width)) {
            ensure(lead);
            y -= lead;
            text(line, f, size, x, y + size * 0.3f, rgb);
        }
    }

    void rect(float x, float yBottom, float w, float h, float[] rgb) throws IOException {
        cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
        cs.addRect(x, yBottom, w, h);
        cs.fill();
    }

    void line(float x1, float y1, float x2, float y2, float width, float[] rgb, boolean dashed) throws IOException {
        cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        cs.setLineWidth(width);
        cs.setLineDashPattern(dashed ? new float[] {4, 3} : new float[0], 0);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
        if (dashed) cs.setLineDashPattern(new float[0], 0);
    }

    /**
     * On every page of the document (portrait or landscape): a rule and {@code footerLeft} (the
     * as-of date, whose copy) at the bottom left, "{@code pageWord}x/n" at the bottom right, and
     * {@code watermark} faint and diagonal across the middle, visible on a photocopy and not in the
     * way of reading. Drawn last, over the content, once the number of pages is known.
     */
    void stamp(String footerLeft, String pageWord, String watermark) throws IOException {
        if (cs != null) cs.close();
        int n = doc.getNumberOfPages();
        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        faint.setNonStrokingAlphaConstant(0.09f);
        String mark = clean(watermark);
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            float w = p.getMediaBox().getWidth(), h = p.getMediaBox().getHeight();
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = s;
                line(MARGIN, 44, w - MARGIN, 44, 0.5f, FOOTER_RULE, false);
                text(footerLeft, regular, 8, MARGIN, 32, FOOTER_INK);
                String pageText = pageWord + (i + 1) + "/" + n;
                text(pageText, regular, 8, w - MARGIN - width(clean(pageText), regular, 8), 32, FOOTER_INK);
                s.saveGraphicsState();
                s.setGraphicsStateParameters(faint);
                s.setNonStrokingColor(0.1f, 0.1f, 0.1f);
                // as large as fits along the diagonal (a long name gets smaller type)
                float diagonal = (float) Math.hypot(w, h) * 0.72f;
                float size = Math.min(40, diagonal / Math.max(1, width(mark, bold, 1)));
                float mw = width(mark, bold, size);
                double angle = Math.atan2(h, w);
                float cx = w / 2, cy = h / 2;
                s.beginText();
                s.setFont(bold, size);
                s.setTextMatrix(Matrix.getRotateInstance(angle, cx - (float) (Math.cos(angle) * mw / 2), cy - (float) (Math.sin(angle) * mw / 2)));
                s.showText(mark);
                s.endText();
                s.restoreGraphicsState();
            }
        }
        cs = null;
    }

    private static final float[] FOOTER_INK = {0.38f, 0.41f, 0.47f};
    private static final float[] FOOTER_RULE = {0.80f, 0.82f, 0.86f};

    @Override
    public void close() throws IOException {
        if (cs != null) cs.close();
        cs = null;
        doc.close();
    }
}
