package vn.r57desk.app.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.screens.Ctx;
import vn.r57desk.app.screens.NotesSink;
import vn.r57desk.store.sync.Outbox;

/** Where a note stands, as its row says it: in the window's language, with the server's own words quoted. */
class FeedbackPanelTest {
    /** Answers only what the panel's texts ask: whether a sync would send the notes. */
    private static NotesSink sink(boolean sends) {
        return new NotesSink() {
            @Override
            public void add(String kind, String targetKind, long targetId, Long scopeId, String text, Runnable onQueued, Consumer<Throwable> onError) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void about(String targetKind, long targetId, Long scopeId, Consumer<List<Outbox.Item>> onLoaded, Consumer<Throwable> onError) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void withdraw(String id, Consumer<Boolean> onDone, Consumer<Throwable> onError) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean sends() {
                return sends;
            }

            @Override
            public ObservableBooleanValue syncing() {
                return new SimpleBooleanProperty(false);
            }
        };
    }

    private static Ctx ctx(String lang, boolean sends) {
        Messages m = new Messages();
        m.localeProperty().set(lang.equals("en") ? Messages.EN : Messages.VI);
        return new Ctx(m, null, null, null, t -> { }, null, sink(sends), null, null, null);
    }

    private static Outbox.Item item(int attempts, String lastError, String sentAt, String status) {
        return new Outbox.Item("id", "note", "{\"text\":\"x\"}", "2026-12-05T01:00:00Z", attempts, lastError, sentAt, status);
    }

    @Test
    void eachStateIsSaidInTheWindowsLanguage() {
        Ctx vi = ctx("vi", true);
        var local = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
        String written = "Viết lúc " + local.format(java.time.Instant.parse("2026-12-05T01:00:00Z").atZone(java.time.ZoneId.systemDefault())) + " · ";
        String sent = local.format(java.time.Instant.parse("2026-12-05T01:30:00Z").atZone(java.time.ZoneId.systemDefault()));
        assertThat(FeedbackPanel.state(vi, item(0, null, null, null))).isEqualTo(written + "chờ gửi ở lần đồng bộ tới");
        assertThat(FeedbackPanel.state(ctx("vi", false), item(0, null, null, null))).isEqualTo(written + "chỉ lưu trên máy này (dữ liệu minh họa hoặc gói dữ liệu, không gửi đi)");
        // a failed push's error is the sync client's English: not in the Vietnamese line
        assertThat(FeedbackPanel.state(vi, item(2, "Sending notes and feedback failed 6 times", null, null)))
                .isEqualTo(written + "chưa gửi được sau 2 lần thử; sẽ thử lại ở lần đồng bộ tới");
        assertThat(FeedbackPanel.state(vi, item(1, "field payload must be a JSON object", null, "rejected")))
                .isEqualTo(written + "máy chủ từ chối: field payload must be a JSON object");
        assertThat(FeedbackPanel.state(vi, item(1, null, null, "rejected"))).isEqualTo(written + "máy chủ từ chối");
        assertThat(FeedbackPanel.state(vi, item(1, null, "2026-12-05T01:30:00Z", "accepted"))).isEqualTo(written + "đã gửi lúc " + sent);
        assertThat(FeedbackPanel.state(ctx("en", true), item(1, "x", null, null))).endsWith("not sent yet after one attempt; tried again at the next sync");
    }

    @Test
    void aTextIsRequiredAndBounded() {
        assertThat(FeedbackPanel.problem("  ")).isEmpty();
        assertThat(FeedbackPanel.problem(" ok ")).isNull();
        assertThat(FeedbackPanel.problem("x".repeat(FeedbackPanel.MAX_TEXT))).isNull();
        assertThat(FeedbackPanel.problem("x".repeat(FeedbackPanel.MAX_TEXT + 1))).isEqualTo("feedback.tooLong");
    }
}
