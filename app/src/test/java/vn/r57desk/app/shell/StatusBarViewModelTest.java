package vn.r57desk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import javafx.beans.property.SimpleBooleanProperty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;

class StatusBarViewModelTest {
    @TempDir Path dir;

    @Test
    void theBarSaysHowOldTheFiguresAreWhereTheyComeFromAndWhatWaits() throws Exception {
        Messages m = new Messages();
        ShellViewModel shell = new ShellViewModel(TaskRunner.SAME_THREAD, m);
        Path demo = dir.resolve("demo.db");
        shell.open(demo, true);
        try {
            // The demo data is not the synced file: its notes are never sent, so none "waits".
            NotesViewModel notes = new NotesViewModel(TaskRunner.SAME_THREAD, shell, dir.resolve("cache.db"), new SimpleBooleanProperty(false),
                    () -> "no cache");
            String[] server = {""};
            boolean[] online = {false};
            StatusBarViewModel bar = new StatusBarViewModel(m, shell, notes, () -> server[0], () -> online[0], () -> LocalDate.of(2026, 11, 25));
            bar.relabel();
            assertThat(bar.asOfProperty().get()).contains("20/11/2026").contains("5");
            assertThat(bar.networkProperty().get()).isEqualTo(m.get("status.offline"));
            assertThat(bar.waitingProperty().get()).isEmpty();
            assertThat(bar.fileProperty().get()).contains("demo.db");
            assertThat(bar.fileTipProperty().get()).isEqualTo(demo.toAbsolutePath().toString());

            server[0] = "https://me.example.vn/";
            bar.relabel();
            assertThat(bar.networkProperty().get()).isEqualTo(m.get("status.server", "me.example.vn"));
            online[0] = true;
            m.localeProperty().set(Messages.EN);
            bar.relabel();
            assertThat(bar.networkProperty().get()).isEqualTo(m.get("sync.online", "me.example.vn"));
            assertThat(bar.asOfText(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20))).isEqualTo(m.get("status.asOf", "20/11/2026"));
        } finally {
            shell.close();
        }
    }
}
