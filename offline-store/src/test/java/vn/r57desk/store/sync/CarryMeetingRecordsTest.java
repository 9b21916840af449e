package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.meeting.Decisions;
import vn.r57desk.store.meeting.MeetingAction;
import vn.r57desk.store.meeting.Meetings;
import vn.r57desk.store.meeting.Notes;
import vn.r57desk.store.meeting.Subject;
import vn.r57desk.store.query.DrillDown;

/** A new snapshot replaces the data, never the user's notes, decisions and actions. */
class CarryMeetingRecordsTest {
    @TempDir Path dir;

    @Test
    void notesAndDecisionsSurviveANewSnapshot() throws Exception {
        Path old = DemoCacheFixture.copy(dir);
        String noteId, actionId;
        try (Cache cache = Cache.openExisting(old)) {
            var q4 = new Meetings(cache, new DrillDown(cache)).require(1);
            noteId = new Notes(cache, Clock.systemUTC()).add(Subject.parse("initiative:SYS4-S2"), "Hỏi lại tiến độ", 1L).id();
            actionId = new Decisions(cache, Clock.systemUTC()).record(q4.meeting(), q4.items().get(0), MeetingAction.Kind.DECISION,
                    "Giao Văn phòng Chính phủ đôn đốc", "GO", null).id();
        }
        Path fresh = dir.resolve("fresh.db");
        Files.copy(DemoCacheFixture.demo(), fresh);
        CacheHost.swapIn(old, fresh);
        try (Cache cache = Cache.openExisting(old)) {
            assertThat(new Notes(cache, Clock.systemUTC()).find(noteId)).isPresent();
            assertThat(new Decisions(cache, Clock.systemUTC()).find(actionId)).isPresent();
            assertThat(new Decisions(cache, Clock.systemUTC()).ofMeeting(3)).as("the demo's own, not doubled").hasSize(3);
        }
    }
}
