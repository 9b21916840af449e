package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Plain HTTP is allowed only to this computer, recognised without asking DNS. */
class LoopbackTest {
    @Test
    void onlyLiteralLoopbackAddressesAndLocalhostCount() {
        assertThat(SyncClient.isLoopback("127.0.0.1")).isTrue();
        assertThat(SyncClient.isLoopback("127.1.2.3")).isTrue();
        assertThat(SyncClient.isLoopback("::1")).isTrue();
        assertThat(SyncClient.isLoopback("localhost")).isTrue();
        assertThat(SyncClient.isLoopback("10.0.0.1")).isFalse();
        // names made only of hex digits must not be looked up (they could resolve to 127.0.0.1)
        assertThat(SyncClient.isLoopback("cafe")).isFalse();
        assertThat(SyncClient.isLoopback("deadbeef")).isFalse();
        assertThat(SyncClient.isLoopback("127.0.0.1.example.com")).isFalse();
    }

    @Test
    void anAddressIsCheckedBeforeAnythingIsSentAndAWrongOneIsNamedAsSuch() {
        assertThat(SyncClient.checkAddress("127.0.0.1:8557")).as("no scheme").isEqualTo(SyncClient.AddressProblem.NOT_HTTP);
        assertThat(SyncClient.checkAddress("ftp://server.example/")).isEqualTo(SyncClient.AddressProblem.NOT_HTTP);
        assertThat(SyncClient.checkAddress("")).isEqualTo(SyncClient.AddressProblem.NOT_HTTP);
        assertThat(SyncClient.checkAddress(null)).isEqualTo(SyncClient.AddressProblem.NOT_HTTP);
        assertThat(SyncClient.checkAddress("http://10.0.0.5:8557/")).isEqualTo(SyncClient.AddressProblem.PLAIN_HTTP_ELSEWHERE);
        assertThat(SyncClient.checkAddress("http://server.example/")).isEqualTo(SyncClient.AddressProblem.PLAIN_HTTP_ELSEWHERE);
        assertThat(SyncClient.checkAddress("https://server.example/")).isNull();
        assertThat(SyncClient.checkAddress(" http://127.0.0.1:8557/ ")).as("spaces around it are fine").isNull();
        assertThat(SyncClient.checkAddress("http://localhost:8557")).isNull();

        SyncClient.Options o = SyncClient.Options.defaults("t");
        assertThatThrownBy(() -> SyncClient.create("127.0.0.1:8557", o))
                .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.problem()).isEqualTo(SyncException.Problem.BAD_ADDRESS))
                .hasMessageContaining("\"127.0.0.1:8557\" is not an http:// or https:// address");
        assertThatThrownBy(() -> SyncClient.create("http://10.0.0.5:8557/", o))
                .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.problem()).isEqualTo(SyncException.Problem.INSECURE));
    }
}
