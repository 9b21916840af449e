package vn.r57desk.store.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;
import vn.r57desk.store.metrics.InitiativeStatusRule;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Initiative;
import vn.r57desk.store.query.DrillDown;

/** The meetings query and the stocktake of an agenda item, on the demo data (as of 20/11/2026). */
class MeetingsTest {
    @TempDir Path dir;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void theDemoHasPastAndUpcomingMeetingsWithAgendasThatNameSubjectsPresentersAndTimes() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            Meetings m = new Meetings(cache, new DrillDown(cache));
            Meetings.Schedule s = m.schedule(LocalDateTime.of(2026, 11, 20, 12, 0));
            assertThat(s.upcoming()).extracting(a -> a.meeting().id()).containsExactly(2L, 1L);
            assertThat(s.past()).extracting(a -> a.meeting().id()).containsExactly(4L, 3L);
            MeetingAgenda q4 = m.require(1);
            assertThat(q4.items()).hasSize(6);
            assertThat(q4.items()).extracting(AgendaItem::position).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(q4.totalMinutes()).isEqualTo(70);
            AgendaItem hcm = q4.items().get(4);
            assertThat(hcm.subject()).isEqualTo(Subject.parse("locality:79"));
            assertThat(hcm.subjectName().vi()).isEqualTo("Hồ Chí Minh");
            assertThat(hcm.presenter().vi()).isEqualTo("Chủ tịch UBND Thành phố Hồ Chí Minh");
            assertThat(hcm.minutes()).isEqualTo(10);
            AgendaItem ai = q4.items().get(3);
            assertThat(ai.subject().key()).isEqualTo("initiative:SYS6-S1");
            assertThat(ai.presenterAgencyCode()).isEqualTo("MOST");
            assertThat(q4.items().get(2).subject()).as("the ranking item is about no one subject").isNull();
            assertThat(q4.items().stream().map(i -> i.subject() == null ? "none" : i.subject().kind().db()))
                    .containsExactly("system", "kpi", "none", "initiative", "locality", "agency");
        }
    }

    @Test
    void anUnknownMeetingIdSaysWhichIdsThereAreAndHowToListThem() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            Meetings m = new Meetings(cache, new DrillDown(cache));
            assertThatThrownBy(() -> m.require(77)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no meeting has the id 77").hasMessageContaining("1 (2026-12-05")
                    .hasMessageContaining("./r57 cli meetings --cache FILE");
        }
    }

    @Test
    void aMeetingAfterTheDataIsComparedWithTheLastMeetingBeforeTheData() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            Meetings m = new Meetings(cache, new DrillDown(cache));
            // 05/12 and 28/11 are after the data (20/11): both compare with 22/10; 22/10 with 27/08
            assertThat(m.comparedWith(m.require(1).meeting(), LocalDate.of(2026, 11, 20)).orElseThrow().id()).isEqualTo(4);
            assertThat(m.comparedWith(m.require(2).meeting(), LocalDate.of(2026, 11, 20)).orElseThrow().id()).isEqualTo(4);
            assertThat(m.comparedWith(m.require(4).meeting(), LocalDate.of(2026, 11, 20)).orElseThrow().id()).isEqualTo(3);
            assertThat(m.comparedWith(m.require(3).meeting(), LocalDate.of(2026, 11, 20))).isEmpty();
            // live data synced up to the meeting's day: the meeting just before it
            assertThat(m.comparedWith(m.require(1).meeting(), LocalDate.of(2026, 12, 5)).orElseThrow().id()).isEqualTo(2);
        }
    }

    @Test
    void anInitiativesTrendComparesItsStatusWithTheOneItHadAtThePreviousMeeting() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            DrillDown dd = new DrillDown(cache);
            Initiative ai = dd.catalog().initiatives().values().stream().filter(i -> i.code().equals("SYS6-S1")).findFirst().orElseThrow();
            LocalDate asOf = LocalDate.of(2026, 11, 20), then = LocalDate.of(2026, 10, 22);
            double onTrack = Math.round(InitiativeStatusRule.expectedProgress(ai.startDate(), ai.deadline(), asOf) * 100) / 100.0;
            // today on its line; a sync on 01/11 recorded it at 2% before (the first change after 22/10)
            write(cache, "UPDATE initiatives SET status = 'in_progress', progress = " + onTrack + " WHERE id = " + ai.id(),
                    "INSERT INTO sync_runs (id, kind, source, started_at, finished_at, status) VALUES (50, 'delta', 'test', '2026-11-01T00:00:00Z',"
                            + " '2026-11-01T00:00:01Z', 'succeeded')",
                    "INSERT INTO change_log VALUES (50, 1, 'initiative', '" + ai.id() + "', 'update', 'in_progress 0.02', 'in_progress " + onTrack + "')");
            Meetings m = new Meetings(cache, new DrillDown(cache));
            MeetingAgenda q4 = m.require(1);
            Stocktake st = m.stocktake(q4, q4.items().get(3), TODAY);
            assertThat(st.asOf()).isEqualTo(asOf);
            assertThat(st.previous().id()).isEqualTo(4);
            assertThat(st.now().rag()).isEqualTo(Rag.GREEN);
            assertThat(st.then().rag()).isEqualTo(InitiativeStatusRule.rag(Initiative.Status.IN_PROGRESS, 0.02, ai.startDate(), ai.deadline(), then));
            assertThat(st.then().rag()).isIn(Rag.AMBER, Rag.RED);
            assertThat(st.trend()).isEqualTo(Stocktake.Trend.BETTER);
            assertThat(st.then().reason().en()).startsWith("Actual progress 2% against ");
            assertThat(st.now().reason().vi()).startsWith("Tiến độ thực tế " + Math.round(onTrack * 100) + "% so với ");
            assertThat(st.changes().initiatives()).singleElement().satisfies(mv -> {
                assertThat(mv.progressThen()).isEqualTo(0.02);
                assertThat(mv.progressNow()).isEqualTo(onTrack);
            });
            assertThat(st.progress().actual()).last().satisfies(p -> assertThat(p.value()).isEqualTo(onTrack));

            // the other way: 10 points ahead then, nothing since → worse (or the same if still green)
            write(cache, "UPDATE change_log SET old_value = 'in_progress " + Math.min(1, onTrack + 0.3) + "' WHERE run_id = 50",
                    "UPDATE initiatives SET progress = 0.0 WHERE id = " + ai.id(),
                    "UPDATE change_log SET new_value = 'in_progress 0.0' WHERE run_id = 50");
            Stocktake worse = new Meetings(cache, new DrillDown(cache)).stocktake(q4, q4.items().get(3), TODAY);
            assertThat(worse.trend()).isEqualTo(Stocktake.Trend.WORSE);
            assertThat(worse.now().rag()).isEqualTo(Rag.RED);
        }
    }

    @Test
    void changesSinceThePreviousMeetingCountTasksCompletedAndAddedAndListValuesReported() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            Meetings m = new Meetings(cache, new DrillDown(cache));
            MeetingAgenda q4 = m.require(1);
            AgendaItem ai = q4.items().get(3);
            Stocktake before = m.stocktake(q4, ai, TODAY);
            long task = single(cache, "SELECT min(id) FROM tasks WHERE initiative_id = " + ai.subjectId() + " AND completed_at IS NULL");
            long otherTask = single(cache, "SELECT min(id) FROM tasks WHERE initiative_id <> " + ai.subjectId());
            write(cache, "UPDATE tasks SET completed_at = '2026-11-20' WHERE id = " + task,
                    "INSERT INTO sync_runs (id, kind, source, started_at, finished_at, status) VALUES (51, 'delta', 'test', '2026-11-02T00:00:00Z',"
                            + " '2026-11-02T00:00:01Z', 'succeeded')",
                    "INSERT INTO change_log VALUES (51, 1, 'task', '" + task + "', 'insert', NULL, NULL)",
                    "INSERT INTO change_log VALUES (51, 2, 'task', '" + otherTask + "', 'insert', NULL, NULL)",
                    "INSERT INTO change_log VALUES (51, 3, 'task', '999999999', 'delete', NULL, NULL)");
            Stocktake after = m.stocktake(q4, ai, TODAY);
            assertThat(after.changes().tasksCompleted()).isEqualTo(before.changes().tasksCompleted() + 1);
            assertThat(after.changes().recentlyCompleted().getFirst().completedAt()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(after.changes().tasksAdded()).as("only the initiative's own task").isEqualTo(before.changes().tasksAdded() + 1);
            assertThat(after.changes().tasksWithdrawnProgrammeWide()).isEqualTo(before.changes().tasksWithdrawnProgrammeWide() + 1);
            // the overdue count no longer holds the task if it was overdue
            long overdueNow = single(cache, "SELECT count(*) FROM tasks WHERE initiative_id = " + ai.subjectId()
                    + " AND deadline < '2026-11-20' AND (completed_at IS NULL OR completed_at > '2026-11-20')");
            assertThat(after.overdue().count()).isEqualTo(overdueNow);
            assertThat(after.overdue().oldest()).isSortedAccordingTo(java.util.Comparator.comparing(o -> o.task().deadline()));
            after.overdue().oldest().forEach(o -> assertThat(o.daysLate()).isEqualTo(o.task().deadline().until(after.asOf(), java.time.temporal.ChronoUnit.DAYS)));
            assertThat(after.overdue().byAssignee().stream().mapToLong(Stocktake.AssigneeLoad::overdue).sum()).isLessThanOrEqualTo(overdueNow);

            // the KPI item: values reported between 22/10 and 20/11, national
            Stocktake kpi = m.stocktake(q4, q4.items().get(1), TODAY);
            long reported = single(cache, "SELECT count(*) FROM observations o JOIN kpis k ON k.id = o.kpi_id JOIN scopes s ON s.id = o.scope_id"
                    + " WHERE k.code = 'R57-01' AND s.kind = 'national' AND o.reported_at > 20261022 AND o.reported_at <= 20261120");
            assertThat(kpi.changes().valuesReported()).isEqualTo(reported).isPositive();
            assertThat(kpi.changes().values()).allSatisfy(v -> assertThat(v.reportedAt()).isAfter(LocalDate.of(2026, 10, 22)).isBeforeOrEqualTo(kpi.asOf()));
            assertThat(kpi.trajectories()).singleElement().satisfies(s -> assertThat(s.kpi().code()).isEqualTo("R57-01"));
            assertThat(kpi.now().reason().en()).contains("on the trajectory from 14.02").contains("2030 target of 30");
        }
    }

    @Test
    void theStocktakeListsTheDecisionsAndActionsOfEarlierMeetingsOnTheSubject() throws Exception {
        try (Cache cache = Cache.openExisting(DemoCacheFixture.copy(dir))) {
            Meetings m = new Meetings(cache, new DrillDown(cache));
            MeetingAgenda q4 = m.require(1);
            List<Stocktake> all = m.stocktakes(q4, TODAY);
            Stocktake sys1 = all.getFirst();
            assertThat(sys1.earlierActions()).extracting(MeetingAction::meetingId).containsExactly(3L, 4L);
            assertThat(sys1.earlierActions()).noneMatch(MeetingAction::done);
            Stocktake ai = all.get(3);
            assertThat(ai.earlierActions()).singleElement().satisfies(a -> {
                assertThat(a.agencyCode()).isEqualTo("MOST");
                assertThat(a.overdueOn(ai.asOf())).isTrue();
            });
            Stocktake hcm = all.get(4);
            assertThat(hcm.earlierActions()).singleElement().satisfies(a -> assertThat(a.done()).isTrue());
            assertThat(hcm.now().reason().en()).contains("tasks due were done");
            Stocktake none = all.get(2);
            assertThat(none.now().rag()).isEqualTo(Rag.NO_DATA);
            assertThat(none.trend()).isEqualTo(Stocktake.Trend.NO_COMPARISON);
            Stocktake mps = all.get(5);
            assertThat(mps.now().reason().en()).contains("initiatives it leads");
            // an action recorded at this meeting is not "earlier" for this meeting, but is for the next
            Decisions d = new Decisions(cache, java.time.Clock.systemUTC());
            d.record(q4.meeting(), q4.items().getFirst(), MeetingAction.Kind.ACTION, "Rà soát lại", "GO", LocalDate.of(2027, 1, 15));
            assertThat(m.stocktake(q4, q4.items().getFirst(), TODAY).earlierActions()).hasSize(2);
        }
    }

    static void write(Cache cache, String... sql) throws Exception {
        cache.writeAndWait(c -> {
            try (Statement st = c.createStatement()) {
                for (String s : sql) st.execute(s);
            }
            return null;
        });
    }

    static long single(Cache cache, String sql) throws Exception {
        return cache.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
