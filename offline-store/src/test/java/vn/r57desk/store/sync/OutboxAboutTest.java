package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;

/** Items written about one row of the data (the app's feedback panels): queued, found by their row, counted while waiting. */
class OutboxAboutTest {
    @TempDir Path dir;

    /** Changes rows as a sync or the clock would have (sent, written at a given time). */
    private static void exec(Cache cache, String... sql) throws Exception {
        cache.writeAndWait(c -> {
            try (var st = c.createStatement()) {
                for (String q : sql) st.execute(q);
            }
            return null;
        });
    }

    @Test
    void itemsAboutARowAreFoundByThatRowNewestFirst() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            assertThat(Outbox.waiting(cache)).isZero();
            String first = Outbox.addAbout(cache, "note", "  Đề nghị Bộ Khoa học và Công nghệ báo cáo tiến độ  ", "initiative", 12);
            Thread.sleep(2); // created_at orders them
            String second = Outbox.addAbout(cache, "feedback", "Số liệu tháng 10 chưa được xác minh", "initiative", 12);
            Outbox.addAbout(cache, "note", "Về Hà Nội", "locality", 12);
            Outbox.add(cache, "note", "{\"text\":\"không gắn với gì\"}");

            var items = Outbox.about(cache, "initiative", 12);
            assertThat(items).extracting(Outbox.Item::id).containsExactly(second, first);
            assertThat(Outbox.text(items.get(1))).as("kept without the spaces around it").isEqualTo("Đề nghị Bộ Khoa học và Công nghệ báo cáo tiến độ");
            assertThat(items.get(0).kind()).isEqualTo("feedback");
            assertThat(items.get(1).payload()).isEqualTo(
                    "{\"text\":\"Đề nghị Bộ Khoa học và Công nghệ báo cáo tiến độ\",\"target_kind\":\"initiative\",\"target_id\":12}");
            assertThat(Outbox.about(cache, "locality", 12)).hasSize(1);
            assertThat(Outbox.about(cache, "initiative", 13)).isEmpty();
            assertThat(Outbox.waiting(cache)).isEqualTo(4);
        }
    }

    /** Instant.toString() writes a varying number of decimals; as text "…:00Z" would sort after "…:00.5Z". */
    @Test
    void newestFirstIsByTimeNotByText() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            String later = Outbox.addAbout(cache, "note", "later", "initiative", 5);
            String earlier = Outbox.addAbout(cache, "note", "earlier", "initiative", 5);
            exec(cache, "UPDATE outbox SET created_at = '2026-12-05T08:00:00.5Z' WHERE id = '" + later + "'",
                    "UPDATE outbox SET created_at = '2026-12-05T08:00:00Z' WHERE id = '" + earlier + "'");
            assertThat(Outbox.about(cache, "initiative", 5)).extracting(Outbox.Item::id).containsExactly(later, earlier);
            assertThat(Outbox.list(cache)).extracting(Outbox.Item::id).containsExactly(earlier, later);
        }
    }

    @Test
    void aKpisNotesAreFoundByTheScopeTheyAreAbout() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            String hanoi = Outbox.addAbout(cache, "feedback", "Số liệu tháng 10 chưa được xác minh", "kpi", 4, 61L);
            String national = Outbox.addAbout(cache, "note", "Cả nước", "kpi", 4, 1L);
            String none = Outbox.addAbout(cache, "note", "Chỉ tiêu nói chung", "kpi", 4);
            assertThat(Outbox.about(cache, "kpi", 4, 61L)).extracting(Outbox.Item::id).containsExactly(hanoi);
            assertThat(Outbox.about(cache, "kpi", 4, 1L)).extracting(Outbox.Item::id).containsExactly(national);
            assertThat(Outbox.about(cache, "kpi", 4)).extracting(Outbox.Item::id).containsExactly(none);
            assertThat(Outbox.about(cache, "kpi", 4, 61L).getFirst().payload()).endsWith(",\"scope_id\":61}");
        }
    }

    @Test
    void anItemNotSentYetCanBeWithdrawnASentOneCannot() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            String waiting = Outbox.addAbout(cache, "note", "Viết nhầm", "initiative", 3);
            String sent = Outbox.addAbout(cache, "note", "Đã gửi", "initiative", 3);
            exec(cache, "UPDATE outbox SET sent_at = '2026-12-05T08:00:00Z', server_status = 'accepted' WHERE id = '" + sent + "'");
            assertThat(Outbox.withdraw(cache, sent)).isFalse();
            assertThat(Outbox.withdraw(cache, waiting)).isTrue();
            assertThat(Outbox.withdraw(cache, waiting)).as("already gone").isFalse();
            assertThat(Outbox.about(cache, "initiative", 3)).extracting(Outbox.Item::id).containsExactly(sent);
            assertThat(Outbox.waiting(cache)).isZero();
        }
    }

    @Test
    void anEmptyTextOrAnUnknownTargetIsRefusedAndNothingIsQueued() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            assertThatThrownBy(() -> Outbox.addAbout(cache, "note", "   ", "initiative", 1)).hasMessage("The text is empty");
            assertThatThrownBy(() -> Outbox.addAbout(cache, "note", "x", "planet", 1)).hasMessageContaining("Unknown target kind \"planet\"");
            assertThatThrownBy(() -> Outbox.addAbout(cache, "memo", "x", "initiative", 1)).hasMessageContaining("Unknown outbox kind \"memo\"");
            assertThatThrownBy(() -> Outbox.addAbout(cache, "note", "x".repeat(Protocol.MAX_OUTBOX_PAYLOAD), "initiative", 1))
                    .hasMessageContaining("at most " + Protocol.MAX_OUTBOX_PAYLOAD);
            assertThat(Outbox.list(cache)).isEmpty();
        }
    }

    @Test
    void aPayloadWithoutTextIsShownAsStored() throws Exception {
        var item = new Outbox.Item("id", "note", "{\"rating\":3}", "2026-12-05T00:00:00Z", 0, null, null, null);
        assertThat(Outbox.text(item)).isEqualTo("{\"rating\":3}");
        var broken = new Outbox.Item("id", "note", "not json", "2026-12-05T00:00:00Z", 0, null, null, null);
        assertThat(Outbox.text(broken)).isEqualTo("not json");
    }
}
