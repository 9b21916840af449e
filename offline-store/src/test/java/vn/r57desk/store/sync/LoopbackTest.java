package vn.r57desk.store.sync;

import static org.assertj.core.api.Assertions.assertThat;

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
}
