package vn.r57desk.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.model.Meeting;

/** "Since the last meeting" counts from the last meeting held before the day of the one in progress. */
class MeetingBeforeTest {
    @TempDir Path dir;

    @Test
    void theLastMeetingBeforeADayIsTheOneBeforeThatDaysMeeting() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            DrillDown dd = new DrillDown(cache);
            // the demo data's meetings: a briefing on 28/11/2026 14:00, the committee on 05/12/2026 08:30
            Meeting briefing = dd.meetingBefore(LocalDate.of(2026, 12, 5)).orElseThrow();
            assertThat(briefing.title().vi()).isEqualTo("Giao ban chuyên đề hạ tầng dữ liệu");
            assertThat(briefing.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 28, 14, 0));
            assertThat(dd.meetingBefore(LocalDate.of(2026, 12, 6)).orElseThrow().title().vi())
                    .isEqualTo("Phiên họp Ban Chỉ đạo Trung ương quý IV/2026");
            // the demo's held meetings: 27/08/2026 and 22/10/2026
            assertThat(dd.meetingBefore(LocalDate.of(2026, 11, 28)).orElseThrow().startsAt()).isEqualTo(LocalDateTime.of(2026, 10, 22, 14, 0));
            assertThat(dd.meetingBefore(LocalDate.of(2026, 8, 27))).as("none before the first").isEmpty();
        }
    }

    @Test
    void startsAreComparedAsVietnamsTimeAndOneThatIsNotATimeIsLeftOut() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            cache.writeAndWait(c -> {
                try (var st = c.createStatement()) {
                    // 20:00 UTC on 4/12 is 03:00 on 5/12 in Vietnam: not before 5/12
                    st.execute("INSERT INTO meetings (id, title_vi, title_en, starts_at) VALUES (90, 'Họp đêm', 'Night', '2026-12-04T20:00Z')");
                    st.execute("INSERT INTO meetings (id, title_vi, title_en, starts_at) VALUES (91, 'Không rõ', 'Unknown', 'next Friday')");
                }
                return null;
            });
            DrillDown dd = new DrillDown(cache);
            assertThat(dd.meetingBefore(LocalDate.of(2026, 12, 5)).orElseThrow().id()).isEqualTo(2);
            Meeting night = dd.meetingBefore(LocalDate.of(2026, 12, 5).plusDays(1)).orElseThrow();
            assertThat(night.title().vi()).as("08:30 on 5/12 is after 03:00").isEqualTo("Phiên họp Ban Chỉ đạo Trung ương quý IV/2026");
        }
    }

    @Test
    void aStartIsReadWithSecondsAnOffsetOrJustTheDay() {
        assertThat(Meeting.parseStart("2026-11-28T14:00")).isEqualTo(LocalDateTime.of(2026, 11, 28, 14, 0));
        assertThat(Meeting.parseStart("2026-11-28T14:00:30")).isEqualTo(LocalDateTime.of(2026, 11, 28, 14, 0, 30));
        assertThat(Meeting.parseStart("2026-11-28T07:00:00Z")).as("UTC to Vietnam's time").isEqualTo(LocalDateTime.of(2026, 11, 28, 14, 0));
        assertThat(Meeting.parseStart("2026-11-28")).isEqualTo(LocalDateTime.of(2026, 11, 28, 0, 0));
        assertThatThrownBy(() -> Meeting.parseStart("next Friday")).isInstanceOf(java.time.format.DateTimeParseException.class);
    }
}
