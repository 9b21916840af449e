package vn.r57desk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.r57desk.app.core.TaskRunner;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.screens.Presenting;

/** "PDF of this view" without a window: what it says when it cannot run or the file cannot be written. */
class ViewPdfExportTest {
    final Messages vi = new Messages();
    final Path out = Path.of("/media/usb/Bộ Công an 2026-11-20.pdf");

    @Test
    void aWriteThatFailedIsSaidInTheUsersWordsInBothLanguages() {
        assertThat(ViewPdfExport.problem(vi, new NoSuchFileException("/media/usb"), out))
                .isEqualTo("Không lưu được PDF: thư mục /media/usb không còn. Hãy chọn thư mục khác.");
        assertThat(ViewPdfExport.problem(vi, new AccessDeniedException("/media/usb/.x.writing"), out))
                .startsWith("Không lưu được PDF: máy không cho ghi vào thư mục /media/usb.");
        // PDFBox or the JDK may wrap the system's error: the cause is what counts
        var full = new UncheckedIOException(new FileSystemException("/media/usb/.x.writing", null, "No space left on device"));
        assertThat(ViewPdfExport.problem(vi, full, out)).startsWith("Không lưu được PDF: ổ đĩa chứa thư mục /media/usb đã đầy.");
        assertThat(ViewPdfExport.problem(vi, new IOException("There is not enough space on the disk"), out)).contains("đã đầy");
        assertThat(ViewPdfExport.problem(vi, new IOException("Input/output error"), out))
                .isEqualTo("Không lưu được PDF Bộ Công an 2026-11-20.pdf: Input/output error");
        Messages en = new Messages();
        en.localeProperty().set(Messages.EN);
        assertThat(ViewPdfExport.problem(en, new NoSuchFileException("/media/usb"), out))
                .isEqualTo("The PDF was not saved: the folder /media/usb is gone. Please choose another folder.");
    }

    @Test
    void whilePresentingOrWithNoViewItSaysSoAndAsksNothing() {
        List<String> said = new ArrayList<>();
        int[] asked = {0};
        Presenting presenting = new Presenting();
        ViewPdfExport pdf = new ViewPdfExport(vi, TaskRunner.SAME_THREAD, said::add, presenting, () -> null, () -> null);
        pdf.setChooser((start, name) -> {
            asked[0]++;
            return null;
        });
        presenting.set(true);
        pdf.run();
        assertThat(said).containsExactly("Đang trình chiếu: hãy thoát trình chiếu (Esc) rồi lưu PDF của màn hình này.");
        presenting.set(false);
        pdf.run();
        assertThat(said).last().isEqualTo("Chưa có màn hình nào để lưu thành PDF: hãy chờ màn hình hiện xong.");
        assertThat(asked[0]).isZero();
        assertThat(pdf.busy()).isFalse();
    }
}
