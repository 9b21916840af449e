package vn.r57desk.store.handout;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import vn.r57desk.store.meeting.Words;

/**
 * "PDF of this view": any screen of the app as a PDF. The app (JavaFX, which this module never
 * imports) snapshots the screen's whole content in slices, one per page, at the scale
 * {@link #layout} asks for, and hands them here as ARGB pixels; this class lays them out on A4
 * pages under a title block (the view's title and breadcrumb, data as of, where the data comes
 * from, generated at), with the handout's footer and watermark ({@link PdfCanvas#stamp}).
 *
 * <p>The images are stored losslessly (Flate): a screenshot of text blurs under JPEG. A view wider
 * than {@link #LANDSCAPE_FROM} pixels goes on landscape pages, so that the screen's 13-pixel type
 * stays about 8 points or more on paper.
 */
public final class ViewPdf {
    /** The least snapshot scale (pixels per screen pixel); more when the view is narrow, to keep {@link #TARGET_DPI}. */
    public static final double MIN_SCALE = 2.1;
    /** The images' resolution on paper at least (200 dpi is what prints sharp; a margin above it). */
    public static final double TARGET_DPI = 220;
    /** Views wider than this (screen pixels) are put on landscape pages. */
    public static final double LANDSCAPE_FROM = 800;
    /** Room the title block takes on the first page, in points (its lines are cut to fit it). */
    static final float TITLE_BLOCK = 160;

    static final float[] INK = HandoutPdf.INK;
    static final float[] MUTED = HandoutPdf.MUTED;
    static final float[] RULE = HandoutPdf.RULE;
    static final float[] DEMO = {0.72f, 0.42f, 0.02f};

    /** What the title block says: the view's title and its breadcrumb, data as of, the data's source, whose copy, when. */
    public record Meta(String title, List<String> breadcrumb, LocalDate asOf, String source, boolean demo, String user, Locale lang,
                       ZonedDateTime generated) {
        public Meta {
            if (user == null || user.isBlank()) throw new IllegalArgumentException("the PDF needs the name of whose copy it is");
            if (title == null || title.isBlank()) throw new IllegalArgumentException("the PDF needs the view's title");
            breadcrumb = breadcrumb == null ? List.of() : List.copyOf(breadcrumb);
        }

        boolean vi() {
            return !"en".equals(lang.getLanguage());
        }

        ZonedDateTime vietnam() {
            return generated.withZoneSameInstant(vn.r57desk.store.model.Meeting.ZONE);
        }
    }

    /**
     * How a view {@code cssWidth} screen pixels wide is printed: the page's orientation, the
     * snapshot scale, and how many screen pixels of height fit on the first page (under the title
     * block) and on each page after it.
     */
    public record Layout(boolean landscape, double scale, double cssWidth, double firstPage, double page) {
        public PDRectangle size() {
            return landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        }

        float contentWidth() {
            return size().getWidth() - 2 * PdfCanvas.MARGIN;
        }

        /** The images' resolution on paper. */
        public double dpi() {
            return cssWidth * scale / (contentWidth() / 72.0);
        }
    }

    /** One page's slice of the view: {@code width × height} pixels, ARGB, row after row. */
    public record Slice(int width, int height, int[] argb) {
        public Slice {
            if (width <= 0 || height <= 0 || argb == null || argb.length != (long) width * height) {
                throw new IllegalArgumentException("a slice of " + width + " x " + height + " needs " + (long) width * height + " pixels");
            }
        }
    }

    /**
     * One page: its slice of the view and, when the page starts inside a table, that table's
     * column titles (a strip snapshotted from the table's header) to repeat above it, or null.
     */
    public record Page(Slice body, Slice header) {
        public Page {
            if (body == null) throw new IllegalArgumentException("a page needs its slice");
        }
    }

    public record Result(Path file, int pages, long bytes) {}

    private ViewPdf() {}

    public static Layout layout(double cssWidth) {
        if (!(cssWidth > 0)) throw new IllegalArgumentException("the view has no width");
        boolean landscape = cssWidth > LANDSCAPE_FROM;
        PDRectangle size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        double contentWidth = size.getWidth() - 2 * PdfCanvas.MARGIN;
        double scale = Math.min(8, Math.max(MIN_SCALE, TARGET_DPI * (contentWidth / 72.0) / cssWidth));
        double usable = size.getHeight() - (PdfCanvas.HEIGHT - PdfCanvas.TOP) - PdfCanvas.BOTTOM;
        double cssPerPoint = cssWidth / contentWidth;
        return new Layout(landscape, scale, cssWidth, (usable - TITLE_BLOCK) * cssPerPoint, usable * cssPerPoint);
    }

    /**
     * Where to cut a view {@code height} pixels tall into pages: the returned list starts at 0 and
     * ends at {@code height}. {@code atoms} are the spans {top, bottom} of what should not be cut
     * (a line of text, a table row, a chart, a boxed card), with an optional third value 1 for a
     * heading, which goes to the next page with what follows it. A page ends above the atom that
     * would cross its bottom (and above a heading right over it), unless that atom starts in the
     * page's first third (a chart taller than a page), when it is cut where the page ends. A last
     * page that would hold less than {@link #WIDOW} of a page is not made: the page before takes
     * it, drawn a little smaller ({@link #write} shrinks a slice taller than its page).
     */
    public static List<Double> breaks(double height, List<double[]> atoms, Layout layout) {
        List<double[]> blocks = new ArrayList<>();
        for (double[] a : atoms.stream().filter(a -> a[1] - a[0] > 0.5).sorted((p, q) -> Double.compare(p[0], q[0])).toList()) {
            double heading = a.length > 2 ? a[2] : 0;
            double[] last = blocks.isEmpty() ? null : blocks.getLast();
            if (last != null && a[0] < last[1] - 0.5) {
                if (a[1] >= last[1]) last[2] = heading;
                last[1] = Math.max(last[1], a[1]);
            } else {
                blocks.add(new double[] {a[0], a[1], heading});
            }
        }
        List<Double> cuts = new ArrayList<>();
        cuts.add(0.0);
        double start = 0, room = layout.firstPage();
        while (height - start > room + 0.5) {
            double limit = start + room, cut = limit;
            for (int i = 0; i < blocks.size(); i++) {
                double[] b = blocks.get(i);
                if (b[1] <= limit + 0.5) continue;
                // the first block reaching below the page: cut above it if it crosses the bottom
                double top = b[0] < limit - 0.5 ? b[0] : limit;
                // a heading just above goes along with it
                for (int j = i - 1; j >= 0 && blocks.get(j)[2] > 0 && top - blocks.get(j)[1] < 24; j--) top = blocks.get(j)[0];
                if (top > start + room / 3) cut = Math.floor(top);
                else if (b[0] < limit - 0.5) cut = limit;
                break;
            }
            cuts.add(cut);
            start = cut;
            room = layout.page();
        }
        // a last page with a line or two on it: the page before takes it, a little smaller
        if (cuts.size() > 1 && height - cuts.getLast() < WIDOW * layout.page()) cuts.removeLast();
        cuts.add(height);
        return cuts;
    }

    /** The share of a page below which a last page is folded into the one before. */
    static final double WIDOW = 0.12;

    /**
     * Writes the PDF: the title block, each slice on its own page, the footers and the watermark.
     * Written to a hidden file beside {@code out} and moved over it when complete, so a failure
     * (disk full, folder not writable) leaves no partial file, neither {@code out} nor the temporary one.
     *
     * @throws NoSuchFileException when {@code out}'s folder does not exist (it is not created: the user chose it)
     */
    public static Result write(Path out, Meta meta, Layout layout, List<Slice> slices) throws IOException {
        return writePages(out, meta, layout, slices.stream().map(s -> new Page(s, null)).toList());
    }

    /** As {@link #write}, with a table's column titles repeated at the top of a page that starts inside it. */
    public static Result writePages(Path out, Meta meta, Layout layout, List<Page> slices) throws IOException {
        if (slices.isEmpty()) throw new IllegalArgumentException("the view has nothing to print");
        Path abs = out.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new NoSuchFileException(String.valueOf(dir), null, "folder not found");
        // Same folder, so the move is atomic and the PDF never sits, even partly, anywhere else.
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".writing");
        int pages;
        try (PdfCanvas pdf = new PdfCanvas()) {
            draw(pdf, meta, layout, slices);
            pages = pdf.doc.getNumberOfPages();
            pdf.doc.save(tmp.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new Result(abs, pages, Files.size(abs));
    }

    private static void draw(PdfCanvas pdf, Meta meta, Layout layout, List<Page> slices) throws IOException {
        boolean vi = meta.vi();
        var info = pdf.doc.getDocumentInformation();
        info.setTitle(pdf.clean(meta.title()));
        info.setSubject(pdf.clean(vi ? "PDF của màn hình này" : "PDF of this view"));
        info.setAuthor(pdf.clean(meta.user()));
        info.setCreator("R57 Desk");
        info.setCreationDate(GregorianCalendar.from(meta.generated()));
        PDRectangle size = layout.size();
        float width = layout.contentWidth();
        for (int i = 0; i < slices.size(); i++) {
            pdf.newPage(size);
            if (i == 0) titleBlock(pdf, meta, width);
            Page page = slices.get(i);
            // points per pixel, the same for the header strip so that its columns sit over the rows;
            // never larger than the page: a slice taller than asked is shrunk, not cut off
            float scale = width / page.body().width();
            float tall = (page.header() == null ? 0 : page.header().height() * scale) + page.body().height() * scale;
            scale *= Math.min(1, (pdf.y - PdfCanvas.BOTTOM) / tall);
            for (Slice s : page.header() == null ? List.of(page.body()) : List.of(page.header(), page.body())) {
                float h = s.height() * scale;
                pdf.cs.drawImage(image(pdf, s), PdfCanvas.MARGIN, pdf.y - h, s.width() * scale, h);
                pdf.y -= h;
            }
        }
        String copy = (vi ? "Bản của " : "Copy of ") + meta.user();
        pdf.stamp((vi ? "Số liệu đến ngày " : "Data as of ") + Words.day(meta.asOf()) + " · R57 Desk · " + copy, vi ? "Trang " : "Page ",
                copy + " · " + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(meta.vietnam()));
    }

    /** The slice as an image of the PDF, lossless (Flate): text in a screenshot blurs under JPEG. */
    private static PDImageXObject image(PdfCanvas pdf, Slice s) throws IOException {
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        System.arraycopy(s.argb(), 0, ((DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0, s.argb().length);
        return LosslessFactory.createFromImage(pdf.doc, img);
    }

    /** Title, breadcrumb, data as of, source (demo data said so), generated at and whose copy: at most {@link #TITLE_BLOCK} points. */
    private static void titleBlock(PdfCanvas pdf, Meta meta, float width) throws IOException {
        boolean vi = meta.vi();
        float x = PdfCanvas.MARGIN, top = pdf.y;
        pdf.y -= 10;
        pdf.text("R57 Desk · " + (vi ? "PDF của màn hình này" : "PDF of this view"), pdf.regular, 9, x, pdf.y, MUTED);
        if (meta.demo()) {
            String badge = vi ? "DỮ LIỆU MINH HỌA" : "DEMO DATA";
            pdf.text(badge, pdf.bold, 9, x + width - pdf.width(pdf.clean(badge), pdf.bold, 9), pdf.y, DEMO);
        }
        pdf.y -= 6;
        lines(pdf, meta.title(), pdf.bold, 16, width, 2, INK);
        // the breadcrumb when it says more than the title (a section's first screen is its own path)
        if (!meta.breadcrumb().isEmpty() && !meta.breadcrumb().equals(List.of(meta.title()))) lines(pdf, String.join(" › ", meta.breadcrumb()), pdf.regular, 9, width, 2, MUTED);
        pdf.y -= 6;
        lines(pdf, (vi ? "Số liệu đến ngày " : "Data as of ") + Words.day(meta.asOf()), pdf.bold, 10.5f, width, 1, INK);
        // demo data: the badge above and the source line in its colour (the source's words say it is synthetic)
        lines(pdf, (vi ? "Nguồn: " : "Source: ") + meta.source(), pdf.regular, 9, width, 2, meta.demo() ? DEMO : INK);
        // in Vietnam's time, as on the handout's cover: a laptop set to another zone prints the same
        lines(pdf, (vi ? "Lập lúc " : "Generated at ") + DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(meta.vietnam())
                + (vi ? " (giờ Việt Nam)" : " (Vietnam time)") + " · "
                + (vi ? "Bản của " : "Copy of ") + meta.user(), pdf.regular, 9, width, 1, MUTED);
        pdf.y -= 6;
        pdf.line(x, pdf.y, x + width, pdf.y, 0.5f, RULE, false);
        pdf.y = Math.min(pdf.y - 10, top);
        if (top - pdf.y > TITLE_BLOCK) throw new IllegalStateException("the title block outgrew its room: " + (top - pdf.y));
    }

    /** {@code text} wrapped to at most {@code max} lines, the last ending in "…" when there was more. */
    private static void lines(PdfCanvas pdf, String text, org.apache.pdfbox.pdmodel.font.PDType0Font f, float size, float width, int max, float[] rgb)
            throws IOException {
        List<String> l = pdf.wrap(text, f, size, width);
        if (l.size() > max) {
            l = new ArrayList<>(l.subList(0, max));
            String last = l.getLast();
            while (!last.isEmpty() && pdf.width(last + "…", f, size) > width) last = last.substring(0, last.length() - 1);
            l.set(max - 1, last + "…");
        }
        for (String line : l) {
            pdf.y -= size * 1.3f;
            pdf.text(line, f, size, PdfCanvas.MARGIN, pdf.y, rgb);
        }
    }

    private static final Pattern ILLEGAL = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]+");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
            "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    /**
     * The file name offered in the save dialog: the view's title and the as-of date, "Bộ Công an
     * 2026-11-20.pdf". Diacritics are kept (NFC): the name is what the user reads in the folder, and
     * "Bo Cong an" is harder to read and find; NTFS, ext4, APFS and exFAT sticks store them. Only
     * what Windows forbids in a name (\ / : * ? " < > |, control characters, a trailing dot or space,
     * CON and the like) is replaced, and a long title is cut at a word to stay far below 255 bytes.
     */
    public static String fileName(String title, LocalDate asOf) {
        String t = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFC);
        t = ILLEGAL.matcher(t).replaceAll(" - ").replaceAll("\\s+", " ").replaceAll("( - )+", " - ").strip();
        t = t.replaceAll("^[ .-]+|[ .-]+$", "");
        if (t.length() > 80) {
            int cut = t.lastIndexOf(' ', 80);
            t = t.substring(0, cut > 40 ? cut : 80).replaceAll("[ .-]+$", "");
        }
        if (t.isEmpty()) t = "R57 Desk";
        if (RESERVED.contains(t.toUpperCase(Locale.ROOT))) t = t + " -";
        return t + " " + asOf + ".pdf";
    }

    private static final Pattern XDG_DOCUMENTS = Pattern.compile("^XDG_DOCUMENTS_DIR=\"(.*)\"\\s*$", Pattern.MULTILINE);

    /**
     * The user's documents folder, where the save dialog starts: on Linux the one the desktop names
     * (XDG_DOCUMENTS_DIR in ~/.config/user-dirs.dirs, "Tài liệu" on a Vietnamese desktop), else
     * ~/Documents (Windows, macOS) or ~/Tài liệu, else the home folder. The CSV export starts there too.
     */
    public static Path documentsFolder(Path home) {
        try {
            Path dirs = home.resolve(".config/user-dirs.dirs");
            if (Files.isRegularFile(dirs)) {
                Matcher m = XDG_DOCUMENTS.matcher(Files.readString(dirs));
                if (m.find()) {
                    Path p = Path.of(m.group(1).replace("$HOME", home.toString()));
                    if (Files.isDirectory(p) && !p.equals(home)) return p;
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable settings file: the usual folder below
        }
        for (String name : new String[] {"Documents", "Tài liệu"}) {
            if (Files.isDirectory(home.resolve(name))) return home.resolve(name);
        }
        return home;
    }
}
