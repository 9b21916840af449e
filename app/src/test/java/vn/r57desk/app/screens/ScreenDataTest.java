package vn.r57desk.app.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.changes.ChangesScreen;
import vn.r57desk.app.kpis.KpiScreen;
import vn.r57desk.app.localities.CommuneScreen;
import vn.r57desk.app.localities.ProvinceScreen;
import vn.r57desk.app.overview.OverviewScreen;
import vn.r57desk.app.shell.AllScreens;
import vn.r57desk.app.shell.Section;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.shell.ShellViewModel;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.query.Results;

/** Every place loads its data; view-models run without the JavaFX toolkit, on the same thread. */
class ScreenDataTest {
    @TempDir static Path dir;
    static ShellViewModel shell;
    static DrillDown dd;

    @BeforeAll
    static void open() {
        shell = new ShellViewModel(TaskRunner.SAME_THREAD, new Messages());
        shell.open(dir.resolve("not-yet-created/r57-desk/demo.db"), true); // first start: the folder does not exist
        assertThat(shell.errorProperty().get()).isNull();
        dd = shell.drillDownProperty().get();
        assertThat(shell.today()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    /**
     * One vi-VN format: dates dd/MM/yyyy, a target with "≥" and its unit, one number of decimals
     * per KPI, agencies by their Vietnamese names in a Vietnamese window (codes in English).
     */
    @Test
    void formatsAreOneVietnameseFormat() {
        Messages m = new Messages();
        Ctx ctx = new Ctx(m, null, dd.catalog(), TaskRunner.SAME_THREAD, t -> { }, null, null, shell.today(), null, null);
        assertThat(ctx.date(LocalDate.of(2026, 3, 5))).isEqualTo("05/03/2026");
        var economy = dd.catalog().kpis().values().stream().filter(k -> k.code().equals("R57-01")).findFirst().orElseThrow();
        assertThat(economy.target2030Text()).isEqualTo(">=30");
        assertThat(ctx.target(economy, economy.target2030Text())).isEqualTo("≥ 30 " + economy.unit().vi());
        assertThat(ctx.kpiValue(economy, 46.634)).as("a share: one decimal, the Vietnamese comma").isEqualTo("46,6");
        assertThat(ctx.kpiValue(economy, 46.0)).as("the same decimals for every value of the KPI").isEqualTo("46,0");
        var count = dd.catalog().kpis().values().stream().filter(k -> k.code().equals("R57-11")).findFirst().orElseThrow();
        assertThat(ctx.kpiValue(count, 12.0)).isEqualTo("12");
        var mps = dd.catalog().agencies().values().stream().filter(a -> a.code().equals("MPS")).findFirst().orElseThrow();
        assertThat(ctx.agency(mps.id())).as("a Vietnamese abbreviation, not MPS").isEqualTo("BCA");
        assertThat(Ctx.abbreviation("Bộ Khoa học và Công nghệ")).isEqualTo("BKH&CN");
        assertThat(Ctx.abbreviation("Cục Thống kê (Bộ Tài chính)")).isEqualTo("CTK");
        assertThat(Ctx.abbreviation("Bộ Giáo dục và Đào tạo")).isEqualTo("BGD&ĐT");
        m.localeProperty().set(Messages.EN);
        assertThat(ctx.agency(mps.id())).isEqualTo("MPS");
        assertThat(ctx.kpiValue(economy, 46.634)).isEqualTo("46.6");
        assertThat(ctx.target(economy, "<=3")).startsWith("≤ 3 ");
    }

    @Test
    void reloadingAPlaceWithUnchangedDataStillDeliversIt() {
        // After a sync that changed nothing on this screen the placeholder must still give way to the data.
        ScreenViewModel vm = new ScreenViewModel(TaskRunner.SAME_THREAD, AllScreens.REGISTRY);
        java.util.List<Loaded<?, ?>> delivered = new java.util.ArrayList<>();
        vm.loadedProperty().addListener((o, a, b) -> {
            if (b != null) delivered.add(b);
        });
        Place overview = Section.OVERVIEW.start(dd.catalog());
        vm.show(dd, overview, shell.today());
        vm.show(dd, overview, shell.today());
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0).data()).isEqualTo(delivered.get(1).data());
    }

    @Test
    void everyPlaceLoadsAndACommuneOpensFromItsProvince() throws Exception {
        var cat = dd.catalog();
        long kpi = cat.kpis().values().stream().filter(k -> k.code().equals("R57-04")).findFirst().orElseThrow().id();
        long hanoi = cat.provinces().values().stream().filter(p -> p.code().equals("01")).findFirst().orElseThrow().id();
        var ini = cat.initiatives().values().iterator().next();
        List<Place> places = List.of(new Place.Overview(), new Place.Systems(), new Place.SystemInitiatives(1),
                new Place.InitiativeDetail(ini.id(), ini.systemId()), new Place.KpiSeries(kpi, cat.nationalScope(), new Place.Overview()),
                new Place.Ministries(), new Place.Ministry(cat.ministries().getFirst().id()), new Place.Localities(kpi),
                new Place.Province(hanoi, kpi, true, 0), new Place.Deadlines(), new Place.Rankings(), new Place.Changes(7), new Place.Changes(0),
                new Place.Changes(Place.Changes.SINCE_MEETING));
        ScreenViewModel vm = new ScreenViewModel(TaskRunner.SAME_THREAD, AllScreens.REGISTRY);
        for (Place p : places) {
            vm.show(dd, p, shell.today());
            assertThat(vm.errorProperty().get()).as(p.toString()).isNull();
            assertThat(vm.loadedProperty().get().place()).isEqualTo(p);
            assertThat(vm.loadingProperty().get()).isNull();
        }
        // the demo data's history is its two generated progress reports (between its meetings), each counted as a run
        var changes = new ChangesScreen().load(dd, new Place.Changes(0), shell.today()).summary();
        assertThat(changes.isEmpty()).isFalse();
        assertThat(changes.span().runs()).isEqualTo(2);
        Results.Overview o = new OverviewScreen().load(dd, new Place.Overview(), shell.today());
        assertThat(o.demo()).isTrue();
        var province = new ProvinceScreen().load(dd, new Place.Province(hanoi, kpi), shell.today());
        assertThat(province.communes().total()).isEqualTo(cat.communeCounts().get(hanoi));
        var commune = province.communes().rows().getFirst().locality();
        var data = new CommuneScreen().load(dd, new Place.Commune(commune.id(), hanoi, kpi, commune.name().vi(), commune.name().en()), shell.today());
        assertThat(data.commune().locality().synthetic()).isTrue();
        assertThat(data.commune().parent().name().vi()).isEqualTo("Hà Nội");
    }

    /** A KPI's page lists the notes about its values at its own scope; a province's, those about the province. */
    @Test
    void notesLoadWithThePlaceTheyAreAbout() throws Exception {
        var cat = dd.catalog();
        long kpi = cat.kpis().values().stream().filter(k -> k.code().equals("R57-04")).findFirst().orElseThrow().id();
        long hanoi = cat.provinces().values().stream().filter(p -> p.code().equals("01")).findFirst().orElseThrow().id();
        long hanoiScope = cat.provinceScopes().get(hanoi);
        var cache = shell.cacheFor(shell.cacheFileProperty().get());
        vn.r57desk.store.sync.Outbox.addAbout(cache, "feedback", "Số liệu tháng 10 của Hà Nội chưa được xác minh", "kpi", kpi, hanoiScope);
        vn.r57desk.store.sync.Outbox.addAbout(cache, "note", "Đề nghị Hà Nội báo cáo", "locality", hanoi);
        ScreenViewModel vm = new ScreenViewModel(TaskRunner.SAME_THREAD, AllScreens.REGISTRY);
        var atHanoi = new KpiScreen().load(dd, new Place.KpiSeries(kpi, hanoiScope, new Place.Province(hanoi, kpi)), shell.today());
        assertThat(atHanoi.feedback()).singleElement().satisfies(i -> assertThat(vn.r57desk.store.sync.Outbox.text(i)).contains("tháng 10"));
        assertThat(atHanoi.series().scopeId()).isEqualTo(hanoiScope);
        var national = new KpiScreen().load(dd, new Place.KpiSeries(kpi, cat.nationalScope(), new Place.Overview()), shell.today());
        assertThat(national.feedback()).isEmpty();
        var province = new ProvinceScreen().load(dd, new Place.Province(hanoi, kpi), shell.today());
        assertThat(province.feedback()).extracting(vn.r57desk.store.sync.Outbox::text).containsExactly("Đề nghị Hà Nội báo cáo");
    }

    @Test
    void anUnknownPlaceIsAnErrorNotACrash() {
        ScreenViewModel vm = new ScreenViewModel(TaskRunner.SAME_THREAD, AllScreens.REGISTRY);
        vm.show(dd, new Place.Ministry(9999), shell.today());
        assertThat(vm.errorProperty().get()).contains("9999");
        assertThat(vm.loadingProperty().get()).isNull();
    }

    @Test
    void aFileThatIsNotACacheGivesASentenceInTheUsersLanguage() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "x".repeat(200));
        Messages messages = new Messages();
        ShellViewModel s = new ShellViewModel(TaskRunner.SAME_THREAD, messages);
        s.open(junk, false);
        assertThat(s.drillDownProperty().get()).isNull();
        assertThat(s.errorProperty().get()).startsWith("Không mở được dữ liệu").contains("không phải là dữ liệu của R57 Desk");
        messages.localeProperty().set(Messages.EN);
        s.open(junk, false);
        assertThat(s.errorProperty().get()).startsWith("Cannot open the data").doesNotContain("Exception");
    }

    /** The task table lists the tasks its summary counts: one total on the page (issue 22 item 7). */
    @Test
    void aPagesTaskTableListsTheTasksItsSummaryCounts() throws Exception {
        for (var ini : dd.catalog().initiatives().values()) {
            var data = new vn.r57desk.app.systems.InitiativeScreen().load(dd, new Place.InitiativeDetail(ini.id(), ini.systemId()), shell.today());
            long total = data.detail().row().tasks().total();
            assertThat(data.tasks()).as(ini.code()).hasSize((int) Math.min(total, vn.r57desk.app.common.Tables.TASK_ROWS));
        }
        var agency = dd.catalog().ministries().getFirst();
        var ministry = new vn.r57desk.app.ministries.MinistryScreen().load(dd, new Place.Ministry(agency.id()), shell.today());
        assertThat(ministry.tasks()).hasSize((int) Math.min(ministry.summary().tasks().total(), vn.r57desk.app.common.Tables.TASK_ROWS));
    }
}
