package vn.r57desk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.shell.ShellViewModel;
import vn.r57desk.app.shell.TaskRunner;

/** View-models run without the JavaFX toolkit, on the same thread. */
class OverviewViewModelTest {
    @TempDir Path dir;

    @Test
    void firstStartCreatesTheDemoDataAndTheOverviewLoads() {
        ShellViewModel shell = new ShellViewModel(TaskRunner.SAME_THREAD, new Messages());
        shell.open(dir.resolve("not-yet-created/r57-desk/demo.db"), true);
        assertThat(shell.errorProperty().get()).isNull();
        assertThat(shell.drillDownProperty().get()).isNotNull();
        assertThat(shell.today()).isEqualTo(LocalDate.of(2026, 11, 20));

        OverviewViewModel vm = new OverviewViewModel(TaskRunner.SAME_THREAD);
        vm.load(shell.drillDownProperty().get(), shell.today());
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.overviewProperty().get().demo()).isTrue();
        assertThat(vm.overviewProperty().get().headline()).hasSize(6);
        shell.close();
    }

    @Test
    void aFileThatIsNotACacheGivesASentenceInTheUsersLanguage() throws Exception {
        Path junk = dir.resolve("junk.db");
        java.nio.file.Files.writeString(junk, "x".repeat(200));
        Messages messages = new Messages();
        ShellViewModel shell = new ShellViewModel(TaskRunner.SAME_THREAD, messages);
        shell.open(junk, false);
        assertThat(shell.drillDownProperty().get()).isNull();
        assertThat(shell.errorProperty().get()).startsWith("Không mở được dữ liệu").contains("không phải là dữ liệu của R57 Desk");
        messages.localeProperty().set(Messages.EN);
        shell.open(junk, false);
        assertThat(shell.errorProperty().get()).startsWith("Cannot open the data").doesNotContain("Exception");
    }
}
