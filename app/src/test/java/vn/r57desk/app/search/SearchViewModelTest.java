package vn.r57desk.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.nav.Place;
import vn.r57desk.app.shell.ShellViewModel;
import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.store.query.DrillDown;

class SearchViewModelTest {
    @TempDir static Path dir;
    static ShellViewModel shell;
    static DrillDown dd;

    @BeforeAll
    static void open() {
        shell = new ShellViewModel(TaskRunner.SAME_THREAD, new Messages());
        shell.open(dir.resolve("demo.db"), true);
        dd = shell.drillDownProperty().get();
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    private List<SearchViewModel.Hit> search(String q) {
        SearchViewModel vm = new SearchViewModel(TaskRunner.SAME_THREAD);
        vm.search(dd, q);
        return vm.resultsProperty().get();
    }

    @Test
    void findsWithoutDiacriticsAcrossKinds() {
        assertThat(search("ha noi").getFirst().label().vi()).isEqualTo("Hà Nội"); // best match first
        assertThat(search("ha noi")).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(SearchViewModel.Kind.PROVINCE);
            assertThat(h.label().vi()).isEqualTo("Hà Nội");
            assertThat(h.place()).isInstanceOf(Place.Province.class);
        });
        assertThat(search("khoa hoc cong nghe")).anySatisfy(h -> assertThat(h.code()).isEqualTo("MOST"));
        assertThat(search("R57-04")).anySatisfy(h -> assertThat(h.kind()).isEqualTo(SearchViewModel.Kind.KPI));
        assertThat(search("5G")).anySatisfy(h -> assertThat(h.kind()).isEqualTo(SearchViewModel.Kind.INITIATIVE));
        assertThat(search("xa")).anySatisfy(h -> assertThat(h.kind()).isEqualTo(SearchViewModel.Kind.COMMUNE));
        assertThat(search("xa")).hasSizeLessThanOrEqualTo(SearchViewModel.LIMIT);
        assertThat(search("   ")).isEmpty();
        assertThat(search("không có gì như thế này")).isEmpty();
    }
}
