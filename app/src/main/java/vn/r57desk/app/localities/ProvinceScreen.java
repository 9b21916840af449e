package vn.r57desk.app.localities;

import java.time.LocalDate;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import vn.r57desk.app.common.SpanNote;
import vn.r57desk.app.theme.Styles;
import vn.r57desk.app.common.Tables;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.notes.FeedbackPanel;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.Screen;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.model.Direction;
import vn.r57desk.store.model.Kpi;
import vn.r57desk.store.model.PeriodRange;
import vn.r57desk.store.model.ScopeKind;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results.CommunePage;
import vn.r57desk.store.query.Results.LocalityDetail;
import vn.r57desk.store.query.Results.LocalityRow;
import vn.r57desk.store.sync.Outbox;

/** A province: its KPIs, its communes a page at a time (in code order or worst first), notes on it. */
public final class ProvinceScreen implements Screen<Place.Province, ProvinceScreen.Data> {
    /** Communes per page. */
    public static final int COMMUNE_PAGE = 100;

    public record Data(LocalityDetail province, CommunePage communes, List<Outbox.Item> feedback, List<vn.r57desk.store.meeting.Note> privateNotes) {}

    @Override
    public Class<Place.Province> placeType() {
        return Place.Province.class;
    }

    @Override
    public Data load(DrillDown dd, Place.Province p, LocalDate today) throws CacheException {
        PeriodRange range = SpanNote.range(today);
        return new Data(dd.locality(p.localityId(), today, range),
                dd.communes(p.localityId(), p.kpiId(), today, range, p.worstFirst() ? worstFirst(dd, p.kpiId()) : DrillDown.CommuneOrder.CODE,
                        p.offset(), COMMUNE_PAGE), Outbox.about(dd.cache(), FeedbackPanel.LOCALITY, p.localityId()),
                vn.r57desk.app.notes.PrivateNotesPanel.load(dd.cache(), "locality", dd.catalog().provinces().get(p.localityId()).code()));
    }

    /** Worst first: lowest values first when higher is better, highest first otherwise. */
    static DrillDown.CommuneOrder worstFirst(DrillDown dd, long kpiId) {
        return dd.catalog().kpis().get(kpiId).direction() == Direction.HIGHER_IS_BETTER
                ? DrillDown.CommuneOrder.VALUE_ASC : DrillDown.CommuneOrder.VALUE_DESC;
    }

    @Override
    public Node render(Ctx ctx, Place.Province here, Data data) {
        var p = data.province();
        var t = p.tasks();
        Label summary = new Label(ctx.t("tasks.summary", t.total(), t.overdue(), t.dueIn30(), ctx.pct(t.onTimeRate()))
                + " · " + ctx.t("locality.reporting", ctx.pct(p.reportingTimeliness())));
        summary.getStyleClass().add(Styles.KPI_SUMMARY);
        summary.setWrapText(true);

        ComboBox<Kpi> kpi = LocalityTables.kpiChooser(ctx, ScopeKind.COMMUNE, here.kpiId());
        kpi.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), kpi.getValue().id(), here.worstFirst(), 0)));
        CheckBox worst = new CheckBox(ctx.t("communes.worstFirst"));
        worst.setSelected(here.worstFirst());
        worst.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), here.kpiId(), worst.isSelected(), 0)));
        var page = data.communes();
        Button prev = new Button(ctx.t("page.previous"));
        prev.setDisable(page.offset() == 0);
        prev.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), here.kpiId(), here.worstFirst(),
                Math.max(0, page.offset() - COMMUNE_PAGE))));
        Button next = new Button(ctx.t("page.next"));
        next.setDisable(page.offset() + page.rows().size() >= page.total());
        next.setOnAction(e -> ctx.nav().go(new Place.Province(here.localityId(), here.kpiId(), here.worstFirst(),
                page.offset() + COMMUNE_PAGE)));
        Label range = new Label(ctx.t("communes.range", page.offset() + 1, page.offset() + page.rows().size(), page.total()));
        HBox controls = new HBox(12, new Label(ctx.t("localities.kpi")), kpi, worst, prev, range, next);
        controls.setAlignment(Pos.CENTER_LEFT);

        Kpi k = ctx.catalog().kpis().get(here.kpiId());
        Node chart = LocalityTables.bars(ctx, page.rows(), r -> ctx.name(r.locality().name()), r -> open(ctx, here, r), k);
        var communes = LocalityTables.localityTable(ctx, ctx.t("communes.table"), page.rows(), "communes-table").onOpen(r -> open(ctx, here, r));
        Label synthetic = new Label(ctx.t("communes.synthetic"));
        synthetic.getStyleClass().add(Styles.MUTED);
        return new VBox(12, SpanNote.label(ctx, true), summary,
                Tables.kpiTable(ctx, ctx.t("locality.kpis"), p.kpis(), here).build(ctx.tables()),
                controls, chart, communes.build(ctx.tables()), synthetic,
                FeedbackPanel.build(ctx, FeedbackPanel.LOCALITY, here.localityId(), ctx.name(ctx.catalog().provinces().get(here.localityId()).name()),
                        null, data.feedback()),
                vn.r57desk.app.notes.PrivateNotesPanel.build(ctx, "locality", ctx.catalog().provinces().get(here.localityId()).code(), null,
                        ctx.name(ctx.catalog().provinces().get(here.localityId()).name()), data.privateNotes()));
        }

    private static void open(Ctx ctx, Place.Province here, LocalityRow r) {
        ctx.nav().go(new Place.Commune(r.locality().id(), here.localityId(), here.kpiId(), r.locality().name().vi(), r.locality().name().en()));
    }
}
