package vn.r57desk.app.shell;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.Chart;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.screens.Presenting;
import vn.r57desk.store.handout.DataSource;
import vn.r57desk.store.handout.ViewPdf;
import vn.r57desk.store.query.DrillDown;

/**
 * "PDF của màn hình này / PDF of this view" (Ctrl+P, and the header's PDF button) on whatever
 * screen is open. On the FX thread, as JavaFX requires: the save dialog, then snapshots of the
 * screen's whole content node (not the scroll pane's viewport, so the part scrolled out of view is
 * in it) one page-slice at a time, at the scale offline-store's {@link ViewPdf#layout} asks for
 * (≥ 2.1, ≥ 200 dpi on paper), cut above a line, row, chart or tile rather than through it. Off
 * the FX thread: the data's source, the image encoding and the writing ({@link ViewPdf#write}:
 * a temporary file beside the chosen one, moved over it when complete). The status bar says it is
 * working, then "Đã lưu PDF: name", or why not in the user's words.
 */
public final class ViewPdfExport {
    /** Ctrl+P (Cmd+P on a Mac): what every desktop program prints with. */
    public static final KeyCombination KEY = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    /** What the action reads from the window when it runs. */
    public record View(Node content, String title, List<String> breadcrumb, DrillDown data, LocalDate asOf, Color background) {}

    private final Messages messages;
    private final TaskRunner runner;
    private final Consumer<String> say;
    private final Presenting presenting;
    private final Supplier<View> view;
    private final Supplier<Window> owner;
    /** (starting folder, suggested name) → the file the user chose, or null. A test puts a path here. */
    private BiFunction<Path, String, Path> chooser = this::dialog;
    private boolean busy;

    ViewPdfExport(Messages messages, TaskRunner runner, Consumer<String> say, Presenting presenting, Supplier<View> view, Supplier<Window> owner) {
        this.messages = messages;
        this.runner = runner;
        this.say = say;
        this.presenting = presenting;
        this.view = view;
        this.owner = owner;
    }

    /** Replaces the save dialog (tests: the chooser cannot be driven headless). */
    public void setChooser(BiFunction<Path, String, Path> chooser) {
        this.chooser = chooser;
    }

    /** Whether a PDF is being made (the button is disabled meanwhile). */
    public boolean busy() {
        return busy;
    }

    /** Ctrl+P or the button: ask where, then make the PDF. */
    public void run() {
        if (presenting.isPresenting()) {
            say.accept(messages.get("viewpdf.notWhilePresenting"));
            return;
        }
        if (busy) {
            say.accept(messages.get("viewpdf.busy"));
            return;
        }
        View v = view.get();
        if (v == null || v.content() == null || v.content().getScene() == null) {
            say.accept(messages.get("viewpdf.noView"));
            return;
        }
        Path out = chooser.apply(ViewPdf.documentsFolder(Path.of(System.getProperty("user.home"))), ViewPdf.fileName(v.title(), v.asOf()));
        if (out == null) return;
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) out = out.resolveSibling(out.getFileName() + ".pdf");
        // the view again: the dialog was open for a while, and what is printed is what is on screen now
        View now = view.get();
        if (now == null || now.content() == null || now.content().getScene() == null) {
            say.accept(messages.get("viewpdf.noView"));
            return;
        }
        try {
            export(now, out);
        } catch (RuntimeException | OutOfMemoryError e) {
            // a snapshot that failed (a view too large for the memory left): said, nothing written
            busy = false;
            say.accept(problem(messages, e, out));
        }
    }

    private Path dialog(Path folder, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(messages.get("viewpdf.dialog"));
        if (java.nio.file.Files.isDirectory(folder)) fc.setInitialDirectory(folder.toFile());
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        var f = fc.showSaveDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    /** Rows of a table printed at the most (a province's communes fit; the CSV export has every row of a longer list). */
    public static final int MAX_TABLE_ROWS = 300;

    /** The view as it is now, snapshotted here, written to {@code out} off the FX thread. */
    void export(View v, Path out) {
        Node content = v.content();
        javafx.scene.Parent sceneRoot = content.getScene().getRoot();
        // the tables below the fold put in, each as tall as its rows; the scene laid out so, and
        // given back before this event ends (nothing is drawn in between)
        Runnable undo = vn.r57desk.app.widgets.DataTable.expandForPrint(content, MAX_TABLE_ROWS);
        List<ViewPdf.Page> slices = new ArrayList<>();
        ViewPdf.Layout layout;
        try {
            sceneRoot.applyCss();
            sceneRoot.layout();
            Bounds box = content.getLayoutBounds();
            layout = ViewPdf.layout(box.getWidth());
            List<double[]> atoms = new ArrayList<>();
            atoms(content, content, layout.page(), atoms);
            // down to the last thing drawn (a screen's bottom padding is no reason for a page)
            double bottom = Math.min(box.getMaxY(), atoms.stream().mapToDouble(a -> a[1]).max().orElse(box.getMaxY()) + 12);
            List<Double> cuts = ViewPdf.breaks(Math.ceil(bottom - box.getMinY()), atoms, layout);
            double s = layout.scale();
            List<double[]> headers = tableHeaders(content);
            for (int i = 1; i < cuts.size(); i++) {
                double y0 = Math.floor(cuts.get(i - 1)), y1 = Math.floor(cuts.get(i));
                if (i == cuts.size() - 1) y1 = Math.ceil(cuts.get(i));
                if (y1 - y0 < 1) continue;
                ViewPdf.Slice header = null;
                for (double[] h : headers) { // a page that starts among a table's rows repeats its column titles
                    if (i > 1 && h[1] < y0 - 1 && y0 < h[2] - 1) {
                        header = snapshot(content, new BoundingBox(box.getMinX(), h[0], box.getWidth(), h[1] - h[0]), s, v.background());
                        break;
                    }
                }
                slices.add(new ViewPdf.Page(snapshot(content, new BoundingBox(box.getMinX(), box.getMinY() + y0, box.getWidth(), y1 - y0), s,
                        v.background()), header));
            }
        } finally {
            undo.run();
        }
        Locale lang = messages.locale();
        String user = System.getProperty("user.name", "?");
        ZonedDateTime generated = ZonedDateTime.now();
        String name = out.getFileName().toString();
        busy = true;
        say.accept(messages.get("viewpdf.writing", slices.size()));
        ViewPdf.Layout pages = layout;
        runner.run(() -> {
            var source = DataSource.describe(v.data());
            var meta = new ViewPdf.Meta(v.title(), v.breadcrumb(), v.asOf(), "en".equals(lang.getLanguage()) ? source.en() : source.vi(),
                    v.data().catalog().isDemo(), user, lang, generated);
            return ViewPdf.writePages(out, meta, pages, slices);
        }, r -> {
            busy = false;
            say.accept(messages.get("viewpdf.saved", name, r.pages()));
        }, err -> {
            busy = false;
            say.accept(problem(messages, err, out));
        });
    }

    /** Each table's column titles {top, bottom} and the table's bottom, in {@code content}'s space. */
    private static List<double[]> tableHeaders(Node content) {
        List<double[]> out = new ArrayList<>();
        for (Node n : content.lookupAll(".table-view")) {
            if (!(n instanceof javafx.scene.control.TableView<?> t) || !t.isVisible() || t.getScene() == null) continue;
            Node header = t.lookup(".column-header-background");
            if (header == null) continue;
            Bounds hb = content.sceneToLocal(header.localToScene(header.getBoundsInLocal()));
            Bounds tb = content.sceneToLocal(t.localToScene(t.getBoundsInLocal()));
            if (hb.getHeight() > 0) out.add(new double[] {Math.floor(hb.getMinY()), Math.ceil(hb.getMaxY()), tb.getMaxY()});
        }
        return out;
    }

    /** One page's slice [y0, y1) of {@code content}, {@code s} pixels per screen pixel, as ARGB pixels. */
    private static ViewPdf.Slice snapshot(Node content, Bounds slice, double s, Color background) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(background);
        p.setTransform(Transform.scale(s, s));
        // the viewport is in the content's parent's space (its layout position included), scaled
        Bounds inParent = content.localToParent(slice);
        int w = (int) Math.ceil(slice.getWidth() * s - 1e-9), h = (int) Math.round(slice.getHeight() * s);
        p.setViewport(new Rectangle2D(inParent.getMinX() * s, inParent.getMinY() * s, w, h));
        WritableImage img = content.snapshot(p, new WritableImage(w, h));
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return new ViewPdf.Slice(w, h, px);
    }

    /**
     * The vertical spans, in {@code root}'s space, of what a page should not end in the middle of:
     * a line of text, a field, a table row, a chart, a tile, a map's shapes, a boxed card smaller
     * than a page (a chart with its heading). Other containers are looked into. A section heading
     * is marked so that it goes to the next page with what follows it.
     */
    static void atoms(Node root, Node n, double page, List<double[]> out) {
        if (!n.isVisible()) return;
        Bounds b = root.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        if (b == null) return;
        boolean boxed = n instanceof javafx.scene.layout.Region r && !(n instanceof javafx.scene.control.Control) && r.getBorder() != null
                && !r.getBorder().isEmpty() && b.getHeight() < page * 0.9;
        boolean whole = boxed || n instanceof Labeled || n instanceof Text || n instanceof Chart || n instanceof Canvas || n instanceof ImageView
                || n instanceof TextInputControl || n instanceof IndexedCell<?> || n instanceof Shape || !(n instanceof Parent)
                || n.getClass().getName().startsWith("eu.hansolo.");
        if (whole) {
            boolean heading = n.getStyleClass().contains(vn.r57desk.app.theme.Styles.SECTION_TITLE);
            out.add(new double[] {b.getMinY(), b.getMaxY(), heading ? 1 : 0});
            return;
        }
        for (Node c : ((Parent) n).getChildrenUnmodifiable()) atoms(root, c, page, out);
    }

    /** Why the PDF was not written, in the user's words: the folder is gone, not writable, the disk full, or what the system said. */
    static String problem(Messages m, Throwable err, Path out) {
        String folder = out.toAbsolutePath().getParent() == null ? out.toString() : out.toAbsolutePath().getParent().toString();
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException) return m.get("viewpdf.error.noFolder", folder);
            if (t instanceof AccessDeniedException) return m.get("viewpdf.error.denied", folder);
            String reason = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            if (reason != null && (reason.contains("No space left") || reason.contains("not enough space") || reason.contains("Disk quota"))) {
                return m.get("viewpdf.error.full", folder);
            }
        }
        String why = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
        return m.get("viewpdf.error.other", out.getFileName(), why);
    }
}
