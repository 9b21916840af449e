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

            // A screen's message (an export written) goes after a while, and at once when the
            // language changes (it stayed, in the other language); a newer message is not cut
            // short by the older one's timer.
            java.util.List<Runnable> timers = new java.util.ArrayList<>();
            bar.expireWith((after, run) -> {
                assertThat(after).isEqualTo(StatusBarViewModel.MESSAGE_STAYS);
                timers.add(run);
            });
            bar.say("Exported 30 rows");
            assertThat(bar.messageProperty().get()).isEqualTo("Exported 30 rows");
            timers.getFirst().run();
            assertThat(bar.messageProperty().get()).isEmpty();
            bar.say("first");
            bar.say("second");
            timers.get(1).run();
            assertThat(bar.messageProperty().get()).as("the first's timer leaves the second").isEqualTo("second");
            timers.get(2).run();
            assertThat(bar.messageProperty().get()).isEmpty();
            bar.say("Đã xuất 30 dòng");
            m.localeProperty().set(Messages.VI);
            bar.languageChanged();
            assertThat(bar.messageProperty().get()).isEmpty();
        } finally {
            shell.close();
        }
    }
}
