package vn.r57desk.store.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.Schema;
import vn.r57desk.store.query.DrillDown;
import vn.r57desk.store.sync.Outbox;

/** Decisions, actions and private notes: kept here, anchored to codes, sent only when the user chooses. */
class RecordsTest {
    @TempDir Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:10:00Z"), ZoneOffset.UTC);

    @Test
    void aDecisionIsRecordedMarkedDoneAndSentOnceThroughTheOutbox() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            MeetingAgenda q4 = new Meetings(cache, new DrillDown(cache)).require(1);
            Decisions d = new Decisions(cache, clock);
            AgendaItem item = q4.items().get(3);
            MeetingAction a = d.record(q4.meeting(), item, MeetingAction.Kind.ACTION, "  Trình đề án trước 31/01/2027  ", "MOST", LocalDate.of(2027, 1, 31));
            assertThat(a.text()).isEqualTo("Trình đề án trước 31/01/2027");
            assertThat(a.subject().key()).isEqualTo("initiative:SYS6-S1");
            assertThat(a.createdAt()).isEqualTo(clock.instant());
            assertThat(d.ofMeeting(1)).extracting(MeetingAction::id).containsExactly(a.id());
            assertThat(Outbox.list(cache)).as("nothing leaves the laptop until the user sends it").isEmpty();

            assertThat(d.setDone(a.id(), true)).isTrue();
            assertThat(d.find(a.id()).orElseThrow().done()).isTrue();
            String outboxId = d.send(a.id());
            Outbox.Item sent = Outbox.list(cache).getFirst();
            assertThat(sent.id()).isEqualTo(outboxId);
            assertThat(sent.kind()).isEqualTo("note");
            JsonNode p = new ObjectMapper().readTree(sent.payload());
            assertThat(p.get("type").asText()).isEqualTo("action");
            assertThat(p.get("subject").asText()).isEqualTo("initiative:SYS6-S1");
            assertThat(p.get("target_kind").asText()).isEqualTo("initiative");
            assertThat(p.get("target_id").asLong()).isEqualTo(item.subjectId());
            assertThat(p.get("agency").asText()).isEqualTo("MOST");
            assertThat(p.get("due").asText()).isEqualTo("2027-01-31");
            assertThat(p.get("done").asBoolean()).isTrue();
            assertThat(d.find(a.id()).orElseThrow().outboxId()).isEqualTo(outboxId);
            assertThatThrownBy(() -> d.send(a.id())).hasMessageContaining("sent already");
            assertThat(d.delete(a.id())).as("a sent record stays").isFalse();
            assertThat(Outbox.list(cache)).hasSize(1);
        }
    }

    @Test
    void badInputIsRefusedInBothLanguagesAndWritesNothing() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            MeetingAgenda q4 = new Meetings(cache, new DrillDown(cache)).require(1);
            MeetingAgenda other = new Meetings(cache, new DrillDown(cache)).require(2);
            Decisions d = new Decisions(cache, clock);
            int before = d.ofMeeting(1).size();
            assertThatThrownBy(() -> d.record(q4.meeting(), q4.items().get(0), MeetingAction.Kind.DECISION, "x", "NOPE", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Không có cơ quan mã \"NOPE\"").hasMessageContaining("No agency");
            assertThatThrownBy(() -> d.record(q4.meeting(), q4.items().get(0), MeetingAction.Kind.DECISION, "   ", null, null))
                    .hasMessageContaining("The text is empty");
            assertThatThrownBy(() -> d.record(q4.meeting(), other.items().get(0), MeetingAction.Kind.DECISION, "x", null, null))
                    .hasMessageContaining("is not on meeting 1");
            assertThat(d.ofMeeting(1)).hasSize(before);
            Notes n = new Notes(cache, clock);
            assertThatThrownBy(() -> n.add("task", "1", "x", null)).hasMessageContaining("cannot be about \"task\"");
            assertThatThrownBy(() -> n.add(Subject.parse("kpi:R57-01"), "", null)).hasMessageContaining("The note is empty");
            assertThatThrownBy(() -> Subject.parse("SYS4-S2")).hasMessageContaining("write KIND:CODE");
            assertThat(n.all()).isEmpty();
        }
    }

    @Test
    void notesAreFoundWithoutDiacriticsAndSaySendingStateAndStayPrivateUntilSent() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            MeetingAgenda q4 = new Meetings(cache, new DrillDown(cache)).require(1);
            Notes n = new Notes(cache, clock);
            // NFD input (as some keyboards send it) is stored NFC
            Note hanoi = n.add(Subject.parse("locality:01"), java.text.Normalizer.normalize("Hỏi Hà Nội về tỉ lệ xã hoàn thành", java.text.Normalizer.Form.NFD), 1L);
            Note item = n.addOnAgendaItem(q4.items().get(1), "Số liệu quý III của Cục Thống kê khác ước tính của Bộ");
            assertThat(hanoi.body()).isEqualTo("Hỏi Hà Nội về tỉ lệ xã hoàn thành");
            assertThat(item.anchor()).isEqualTo("agenda_item:1#2");
            assertThat(n.search("ha noi")).extracting(Note::id).containsExactly(hanoi.id());
            assertThat(n.search("CUC THONG KE")).extracting(Note::id).containsExactly(item.id());
            assertThat(n.search("locality:01")).extracting(Note::id).containsExactly(hanoi.id());
            assertThat(n.about(Subject.parse("locality:01"))).extracting(Note::id).containsExactly(hanoi.id());
            assertThat(hanoi.state()).isEqualTo(Note.State.PRIVATE);
            assertThat(Outbox.list(cache)).isEmpty();

            String outboxId = n.send(hanoi.id());
            assertThat(n.find(hanoi.id()).orElseThrow().state()).isEqualTo(Note.State.WAITING);
            JsonNode p = new ObjectMapper().readTree(Outbox.list(cache).getFirst().payload());
            assertThat(p.get("subject").asText()).isEqualTo("locality:01");
            assertThat(p.get("text").asText()).isEqualTo(hanoi.body());
            assertThat(Outbox.withdraw(cache, outboxId)).isTrue();
            assertThat(n.find(hanoi.id()).orElseThrow().state()).as("taken back from the outbox: private again").isEqualTo(Note.State.PRIVATE);
            assertThat(n.update(item.id(), "Đã hỏi")).isTrue();
            assertThat(n.find(item.id()).orElseThrow().body()).isEqualTo("Đã hỏi");
        }
    }

    @Test
    void migrationThreeReanchorsOldNotesOnTheSubjectsCode() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (var m : Schema.migrations().subList(0, 2)) for (String sql : m.statements()) st.execute(sql);
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO systems (id, code, kind, name_vi, name_en, sort_order) VALUES (5, 'SYS5', 'strategic', 'a', 'b', 5)");
            st.execute("INSERT INTO notes VALUES ('n1', 'system', 5, 'Ghi chú', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
            st.execute("INSERT INTO notes VALUES ('n2', 'kpi', 99, 'Không còn', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
            Cache.migrate(c);
            try (ResultSet rs = st.executeQuery("SELECT id, subject_kind, subject_code, body FROM notes ORDER BY id")) {
                rs.next();
                assertThat(rs.getString(3)).isEqualTo("SYS5");
                rs.next();
                assertThat(rs.getString(2) + ":" + rs.getString(3)).as("a target gone keeps its number").isEqualTo("kpi:99");
            }
        }
    }
}
