package vn.r57desk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server dialog says what is wrong while it is typed, and OK waits until it is right. */
class SyncBarFormTest {
    @Test
    void syncNowNeedsAUsableAddressAndAToken() {
        assertThat(SyncBar.formProblem("", "", true)).as("nothing typed yet: OK waits, no scolding").isEmpty();
        assertThat(SyncBar.formProblem("127.0.0.1:8557", "t", true)).isEqualTo("sync.dialog.problem.NOT_HTTP");
        assertThat(SyncBar.formProblem("http://10.1.2.3/", "t", true)).isEqualTo("sync.dialog.problem.PLAIN_HTTP_ELSEWHERE");
        assertThat(SyncBar.formProblem("https://server.example/", "", true)).isEqualTo("sync.dialog.problem.NO_TOKEN");
        assertThat(SyncBar.formProblem("", "t", true)).isEqualTo("sync.dialog.problem.NO_SERVER");
        assertThat(SyncBar.formProblem("https://server.example/", " t ", true)).isNull();
        assertThat(SyncBar.formProblem("http://127.0.0.1:8557/", "t", false)).isNull();
    }

    @Test
    void theSettingsMayBeClearedToHaveNoServer() {
        assertThat(SyncBar.formProblem(" ", "", false)).isNull();
        assertThat(SyncBar.formProblem("", "t", false)).isEqualTo("sync.dialog.problem.NO_SERVER");
    }
}
