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
import vn.r57desk.store.model.PeriodRange;
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
        Label title = new Label(ctx.t("ministries.grid"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        return new VBox(6, title, g);
    }
}
