package vn.r57desk.app.ministries;

import java.time.LocalDate;
import java.util.List;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.StatusStyle;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.FeedbackPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.app.widgets.DataTable;
import vn.r57desk.app.widgets.HoverTip;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.sync.Outbox;
import vn.r57desk.store.model.Agency;
import vn.r57desk.store.query.Results.GridCell;
import vn.r57desk.store.query.Results.StatusCount;

/** Ministries: who leads what, and the ministries × systems grid. */
public final class MinistriesScreen implements Screen<Place.Ministries, MinistriesScreen.Data> {
    public record Data(List<StatusCount> byMinistry, List<GridCell> grid) {}

    @Override
    public Class<Place.Ministries> placeType() {
        return Place.Ministries.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Ministries place, LocalDate today) throws CacheException {
        return new Data(dd.statusByMinistry(today), dd.ministryGrid(today));
    }

    @Override
    public Node render(Ctx ctx, Place.Ministries place, Data data) {
        var table = DataTable.of(ctx.t("ministries.table"), data.byMinistry()).id("ministries-table")
                .text(ctx.t("col.code"), StatusCount::code)
                .text(ctx.t("col.name"), s -> ctx.name(s.name()))
                .number(ctx.t("col.leads"), StatusCount::total, ctx::num)
                .number(ctx.rag(Rag.RED), s -> s.counts().get(Rag.RED), ctx::num)
                .number(ctx.rag(Rag.AMBER), s -> s.counts().get(Rag.AMBER), ctx::num)
                .number(ctx.rag(Rag.GREEN), s -> s.counts().get(Rag.GREEN), ctx::num)
                .number(ctx.rag(Rag.COMPLETED), s -> s.counts().get(Rag.COMPLETED), ctx::num)
                .onOpen(s -> ctx.nav().go(new Place.Ministry(s.id())));
        return new VBox(16, grid(ctx, data.grid()), table.build(ctx.tables()));
        }


    /** The width of the widest word of {@code text} in {@code font}. */
    static double longestWord(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        t.setFont(font);
        double w = 0;
        for (String word : text.split("\\s+")) {
            t.setText(word);
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        return w;
    }

    /** Id of the grid, for tests. */
    public static final String GRID_ID = "ministries-grid";

    /**
     * The widths of the grid's columns in {@code width} (gaps {@code gap}): the ministries' names
     * take room first, up to one line ({@code namePref}), never below {@code nameMin} (their longest
     * word); each system's column keeps at least {@code sysMin[c]} (its header's longest word) and
     * the columns share what is left up to {@code sysPref}. On a 1024-pixel window in English the
     * grid spilled to the right, "Special projects" out of sight behind a scroll bar. Index 0 is
     * the names' column.
     */
    static double[] columnWidths(double width, double gap, double nameMin, double namePref, double[] sysMin, double sysPref) {
        int n = sysMin.length;
        double avail = width - gap * n;
        double minSum = 0;
        for (double m : sysMin) minSum += m;
        double[] w = new double[n + 1];
        w[0] = Math.max(nameMin, Math.min(namePref, avail - minSum));
        double rest = avail - w[0];
        for (int c = 0; c < n; c++) w[c + 1] = sysMin[c];
        rest -= minSum;
        // Water-fill: the narrowest columns grow first, none beyond sysPref (or its own minimum if wider).
        while (rest > 0.5) {
            double lowest = Double.MAX_VALUE;
            for (int c = 1; c <= n; c++) if (w[c] < sysPref) lowest = Math.min(lowest, w[c]);
            if (lowest == Double.MAX_VALUE) break;
            int growing = 0;
            for (int c = 1; c <= n; c++) if (w[c] < sysPref && w[c] <= lowest + 1e-9) growing++;
            double next = sysPref;
            for (int c = 1; c <= n; c++) if (w[c] > lowest && w[c] < next) next = w[c];
            double step = Math.min(next - lowest, rest / growing);
            for (int c = 1; c <= n; c++) if (w[c] < sysPref && w[c] <= lowest + 1e-9) { w[c] += step; rest -= step; }
        }
        for (int c = 0; c <= n; c++) w[c] = Math.floor(w[c]);
        return w;
    }

    /** Sets the grid's columns to {@link #columnWidths} of its width, whenever that or its type changes. */
    private static void fitColumns(GridPane g, int systems) {
        g.setId(GRID_ID);
        for (int c = 0; c <= systems; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setHgrow(javafx.scene.layout.Priority.NEVER);
            g.getColumnConstraints().add(cc);
        }
        Runnable fit = () -> {
            if (g.getWidth() <= 0 || g.getScene() == null) return;
            double nameMin = 0, namePref = 0, sysPref = 0;
            double[] sysMin = new double[systems];
            for (Node n : g.getChildren()) {
                Integer col = GridPane.getColumnIndex(n);
                if (!(n instanceof Label l) || col == null) continue;
                double pad = l.snappedLeftInset() + l.snappedRightInset() + 2;
                if (col == 0) {
                    nameMin = Math.max(nameMin, Math.max(l.minWidth(-1), longestWord(l.getText(), l.getFont()) + pad));
                    namePref = Math.max(namePref, oneLine(l.getText(), l.getFont()) + pad);
                } else if (l.getStyleClass().contains(Styles.GRID_HEADER)) {
                    sysMin[col - 1] = Math.max(sysMin[col - 1], longestWord(l.getText(), l.getFont()) + pad);
                } else {
                    sysMin[col - 1] = Math.max(sysMin[col - 1], l.minWidth(-1));
                    sysPref = Math.max(sysPref, l.prefWidth(-1));
                }
            }
            double width = g.getWidth() - g.snappedLeftInset() - g.snappedRightInset();
            double[] w = columnWidths(width, g.getHgap(), nameMin, namePref, sysMin, sysPref);
            for (int c = 0; c <= systems; c++) {
                var cc = g.getColumnConstraints().get(c);
                cc.setMinWidth(c == 0 ? nameMin : sysMin[c - 1]);
                cc.setPrefWidth(w[c]);
                cc.setMaxWidth(w[c]);
            }
        };
        g.widthProperty().addListener((o, a, b) -> fit.run());
        g.sceneProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(fit));
        for (Node n : g.getChildren()) if (n instanceof Label l) l.fontProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(fit));
    }

    /** The width of {@code text} on one line in {@code font}. */
    static double oneLine(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** Ministries × systems: each cell coloured by the worst status among the initiatives the ministry leads or coordinates there. */
    static Node grid(Ctx ctx, List<GridCell> cells) {
        GridPane g = new GridPane();
        g.getStyleClass().add(Styles.STATUS_GRID);
        g.setHgap(4);
        g.setVgap(4);
        var systems = ctx.catalog().systemList();
        for (int c = 0; c < systems.size(); c++) {
            Label h = new Label(Tables.systemLabel(ctx, systems.get(c).code()));
            h.getStyleClass().add(Styles.GRID_HEADER);
            // Narrow side padding (the gaps already part the columns): on a 1024-pixel projector in
            // English the six headers' longest words and the names did not fit otherwise.
            h.setStyle("-fx-padding: 4 3 4 3;");
            // A header wraps between words, never inside one ("Insti/tutio/ns" on a projector):
            // its column is at least as wide as its longest word in the font the theme gives it.
            h.fontProperty().addListener((o, was, font) -> h.setMinWidth(Math.ceil(longestWord(h.getText(), font)
                    + h.snappedLeftInset() + h.snappedRightInset() + 2)));
            String full = Tables.systemName(ctx, systems.get(c).code());
            HoverTip.on(h, () -> full);
            g.add(h, c + 1, 0);
        }
        List<Agency> ministries = ctx.catalog().ministries();
        for (int r = 0; r < ministries.size(); r++) {
            Agency a = ministries.get(r);
            Label name = new Label(ctx.name(a.name()));
            name.getStyleClass().add(Styles.GRID_ROW);
            // The style sheet's 10 em minimum is replaced by the names' longest word (fitColumns):
            // the names wrap rather than push the last system's column out of the window.
            name.setStyle("-fx-min-width: 0;");
            g.add(name, 0, r + 1);
            for (int c = 0; c < systems.size(); c++) {
                long sys = systems.get(c).id();
                GridCell cell = cells.stream().filter(x -> x.agencyId() == a.id() && x.systemId() == sys).findFirst().orElseThrow();
                int n = cell.counts().values().stream().mapToInt(Integer::intValue).sum();
                Label box = new Label(n == 0 ? "" : Integer.toString(n));
                box.getStyleClass().addAll(Styles.GRID_CELL, StatusStyle.styleClass(cell.worst()));
                box.setMaxWidth(Double.MAX_VALUE);
                if (n > 0) {
                    String system = Tables.systemName(ctx, systems.get(c).code());
                    HoverTip.on(box, () -> ctx.t("grid.cell", ctx.name(a.name()), n, ctx.rag(cell.worst()), system));
                    box.setCursor(Cursor.HAND);
                    // The ministry's initiatives in that system (led or coordinated: what the cell counts).
                    box.setOnMouseClicked(e -> ctx.nav().go(new Place.SystemInitiatives(sys, null, a.id())));
                    box.setId("grid-" + a.code() + "-" + systems.get(c).code());
                }
                g.add(box, c + 1, r + 1);
            }
        }
        fitColumns(g, systems.size());
        Label title = new Label(ctx.t("ministries.grid"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        return new VBox(6, title, g);
    }
}
