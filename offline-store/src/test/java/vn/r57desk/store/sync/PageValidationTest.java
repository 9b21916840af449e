package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.r57desk.store.DemoCacheFixture;
import vn.r57desk.store.db.Cache;

/**
 * Hostile or broken pages are refused whole: the error names the entity and the field, and the
 * cache is exactly as it was (same checksums). Good pages apply, and applying one twice changes
 * nothing the second time.
 */
class PageValidationTest {
    @TempDir Path dir;
    private Cache cache;
    private Map<String, String> before;

    private static final String TASK_FIELDS = "[\"id\",\"initiative_id\",\"title_vi\",\"title_en\",\"agency_id\",\"locality_id\",\"deadline\",\"completed_at\",\"version\"]";

    @BeforeEach
    void open() throws Exception {
        cache = Cache.openExisting(DemoCacheFixture.copy(dir));
        before = cache.read(Checksums::of);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private static String page(String batches, int rows) {
        return "{\"protocol\":\"1.0\",\"kind\":\"delta\",\"generation\":\"g\",\"batches\":[" + batches + "],\"row_count\":" + rows
                + ",\"next_cursor\":\"c2\",\"has_more\":false,\"complete\":false}";
    }

    private static String taskBatch(String... rows) {
        return "{\"entity\":\"task\",\"op\":\"upsert\",\"fields\":" + TASK_FIELDS + ",\"rows\":[" + String.join(",", rows) + "]}";
    }

    private static final String GOOD_TASK = "[900001,1,\"Nhiệm vụ mới\",\"New task\",1,null,\"2027-03-31\",null,50]";

    private PageApplier.Result apply(String body) throws Exception {
        return PageRunner.apply(cache, body, false).result();
    }

    private void assertRefused(String body, SyncException.Problem problem, String... mentions) throws Exception {
        assertThatThrownBy(() -> apply(body)).isInstanceOf(SyncException.class)
                .satisfies(e -> assertThat(((SyncException) e).problem()).isEqualTo(problem))
                .satisfies(e -> {
                    if (mentions.length > 0) assertThat(e.getMessage()).contains(mentions);
                });
        assertThat(cache.read(Checksums::of)).as("cache unchanged").isEqualTo(before);
    }

    @Test
    void aGoodPageAppliesAndAReplayChangesNothing() throws Exception {
        // one good row after a row that updates an existing task: both land, in one transaction
        String body = page(taskBatch(GOOD_TASK), 1);
        PageApplier.Result r = apply(body);
        assertThat(r.counts().get("task")).containsExactly(1, 0, 0, 0);
        Map<String, String> after = cache.read(Checksums::of);
        assertThat(after.get("task")).isNotEqualTo(before.get("task"));
        PageApplier.Result again = apply(body);
        assertThat(again.counts().get("task")).containsExactly(0, 0, 0, 1); // recognised as already applied
        assertThat(cache.read(Checksums::of)).isEqualTo(after);
    }

    @Test
    void aWrongTypeIsRefusedNamingEntityAndField() throws Exception {
        String body = page(taskBatch(GOOD_TASK, "[900002,\"one\",\"x\",\"x\",1,null,\"2027-03-31\",null,50]"), 2);
        assertRefused(body, SyncException.Problem.INVALID_PAGE, "task 900002", "initiative_id", "expected a whole number");
        // the app says the same in Vietnamese: the kind of data and the JSON kinds translated, the field as the server spells it
        assertThatThrownBy(() -> apply(body)).isInstanceOf(SyncException.class)
                .satisfies(e -> assertThat(((SyncException) e).message(SyncText.VIETNAMESE)).isEqualTo(
                        "Máy chủ gửi một trang dữ liệu không hợp lệ nên đã bị từ chối: nhiệm vụ 900002, trường initiative_id"
                                + " là văn bản, cần một số nguyên. Không áp dụng gì từ trang này."));
    }

    @Test
    void aMissingRequiredFieldIsRefused() throws Exception {
        String fields = TASK_FIELDS.replace("\"deadline\",", "");
        assertRefused(page("{\"entity\":\"task\",\"op\":\"upsert\",\"fields\":" + fields + ",\"rows\":[[900003,1,\"x\",\"x\",1,null,null,50]]}", 1),
                SyncException.Problem.INVALID_PAGE, "task", "deadline");
        assertRefused(page(taskBatch("[900003,1,null,\"x\",1,null,\"2027-03-31\",null,50]"), 1),
                SyncException.Problem.INVALID_PAGE, "task 900003", "title_vi", "required");
    }

    @Test
    void aReferenceToAnUnknownRowIsRefused() throws Exception {
        assertRefused(page(taskBatch(GOOD_TASK, "[900004,999999,\"x\",\"x\",1,null,\"2027-03-31\",null,50]"), 2),
                SyncException.Problem.INVALID_PAGE, "task 900004", "initiative_id", "initiative 999999");
        assertThatThrownBy(() -> apply(page(taskBatch("[900004,999999,\"x\",\"x\",1,null,\"2027-03-31\",null,50]"), 1)))
                .satisfies(e -> assertThat(((SyncException) e).message(SyncText.VIETNAMESE))
                        .contains("nhiệm vụ 900004, trường initiative_id trỏ tới sáng kiến 999999, mà bộ nhớ đệm không có"));
    }

    @Test
    void anOversizedFieldIsRefused() throws Exception {
        String huge = "x".repeat(Entities.MAX_TEXT + 1);
        assertRefused(page(taskBatch("[900005,1,\"" + huge + "\",\"x\",1,null,\"2027-03-31\",null,50]"), 1),
                SyncException.Problem.INVALID_PAGE, "task 900005", "title_vi", "characters");
        // far beyond any limit: refused by the parser itself, as a bad page (not retried as a network fault)
        assertRefused(page(taskBatch("[900005,1,\"" + "y".repeat(100_000) + "\",\"x\",1,null,\"2027-03-31\",null,50]"), 1),
                SyncException.Problem.INVALID_PAGE, "task row 1", "field title_vi", "far longer");
    }

    @Test
    void aValueOutsideTheAllowedSetIsRefused() throws Exception {
        String fields = "[\"id\",\"code\",\"system_id\",\"title_vi\",\"title_en\",\"orientation_vi\",\"orientation_en\",\"outputs_vi\","
                + "\"outputs_en\",\"criteria_vi\",\"criteria_en\",\"lead_agency_id\",\"chief_engineer\",\"start_date\",\"deadline\",\"phase\","
                + "\"status\",\"progress\",\"synthetic\",\"version\"]";
        String row = "[1,\"X-1\",1,\"t\",\"t\",\"o\",\"o\",\"u\",\"u\",\"c\",\"c\",1,\"Nguyễn Văn A\",\"2025-06-01\",\"2027-12-31\",1,"
                + "\"finished\",0.5,1,99]";
        assertRefused(page("{\"entity\":\"initiative\",\"op\":\"upsert\",\"fields\":" + fields + ",\"rows\":[" + row + "]}", 1),
                SyncException.Problem.INVALID_PAGE, "initiative 1", "status", "\"finished\"", "in_progress");
        assertRefused(page("{\"entity\":\"initiative\",\"op\":\"upsert\",\"fields\":[\"id\",\"status\"],\"rows\":[[1,\"completed\"]]}", 1),
                SyncException.Problem.INVALID_PAGE, "initiative rows lack the required field code");
    }

    @Test
    void aBodyCutShortOrNotJsonIsRefused() throws Exception {
        String full = page(taskBatch(GOOD_TASK, GOOD_TASK.replace("900001", "900006")), 2);
        assertRefused(full.substring(0, full.length() * 2 / 3), SyncException.Problem.BROKEN_BODY, "cut short");
        assertRefused(full.substring(0, full.indexOf("\"row_count\"")) + "}", SyncException.Problem.BROKEN_BODY);
        assertRefused(full.replace("[900006", "[}900006"), SyncException.Problem.BROKEN_BODY, "not valid JSON");
        assertRefused(page(taskBatch(GOOD_TASK), 5), SyncException.Problem.INVALID_PAGE, "says it has 5 rows");
    }

    @Test
    void anotherMajorVersionIsRefusedClearly() throws Exception {
        assertRefused(page(taskBatch(GOOD_TASK), 1).replace("\"1.0\"", "\"2.0\""), SyncException.Problem.INCOMPATIBLE,
                "protocol 2.0", "1.x");
    }

    @Test
    void unknownKindsAreSkippedAndUnknownFieldsIgnored() throws Exception {
        String fields = TASK_FIELDS.replace("\"version\"]", "\"version\",\"risk_score\"]");
        String body = page("{\"entity\":\"budget_line\",\"op\":\"upsert\",\"fields\":[\"id\"],\"rows\":[[1],[2]]},"
                + "{\"entity\":\"task\",\"op\":\"upsert\",\"fields\":" + fields + ",\"rows\":["
                + GOOD_TASK.replace("50]", "50,{\"nested\":[1,2]}]") + "],\"future\":{\"x\":1}}", 3)
                .replace("\"complete\":false}", "\"complete\":false,\"server_note\":\"hi\"}");
        java.util.List<String> told = new java.util.ArrayList<>();
        PageApplier.Result r = PageRunner.apply(cache, body, false, new PageApplier.Listener() {
            @Override
            public void rows(long rows, String entity) {
                told.add(rows + " " + entity);
            }

            @Override
            public void skippedKind(String entity) {
                told.add("skipped " + entity);
            }
        }).result();
        assertThat(r.skippedKinds()).containsExactly("budget_line");
        assertThat(r.counts().get("task")).containsExactly(1, 0, 0, 0);
        // the listener hears of each batch as it starts, the skipped kind once, as it happens
        assertThat(told).containsExactly("0 budget_line", "skipped budget_line", "2 task");
    }

    @Test
    void tombstonesDeleteOnceAndStaleOnesAreIgnored() throws Exception {
        apply(page(taskBatch(GOOD_TASK), 1));
        String stale = page("{\"entity\":\"task\",\"op\":\"delete\",\"fields\":[\"id\",\"version\"],\"rows\":[[900001,10]]}", 1);
        assertThat(apply(stale).counts().get("task")).containsExactly(0, 0, 0, 1); // older than the row: kept
        String del = page("{\"entity\":\"task\",\"op\":\"delete\",\"fields\":[\"id\",\"version\"],\"rows\":[[900001,60]]}", 1);
        assertThat(apply(del).counts().get("task")).containsExactly(0, 0, 1, 0);
        assertThat(apply(del).counts().get("task")).containsExactly(0, 0, 0, 0); // gone already: nothing to do
        assertThat(cache.read(Checksums::of)).isEqualTo(before);
    }
}
