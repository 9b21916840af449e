package vn.r57desk.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
    @TempDir Path dir;

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) k[i] = (byte) (seed * 31 + i);
        return k;
    }

    @Test
    void sealedUnderTheDataKeyTheTokenIsNotOnDiskAndOnlyThatKeyReadsIt() throws Exception {
        Path f = dir.resolve("device-token");
        TokenFile.save(f, "  bí-mật-token-57 \n", null);
        assertThat(Files.readString(f)).isEqualTo("bí-mật-token-57");
        assertThat(TokenFile.load(f, null)).isEqualTo("bí-mật-token-57");
        assertThat(TokenFile.sealed(f)).isFalse();

        TokenFile.save(f, "bí-mật-token-57", key(1));
        assertThat(TokenFile.sealed(f)).isTrue();
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).doesNotContain("bí-mật").doesNotContain("token-57");
        assertThat(TokenFile.load(f, key(1))).isEqualTo("bí-mật-token-57");
        assertThat(TokenFile.load(f, null)).as("locked: nothing to read").isEmpty();
        assertThat(TokenFile.load(f, key(2))).as("another key: refused by the tag, asks again").isEmpty();
        if (!System.getProperty("os.name").toLowerCase().contains("win")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
        // a changed byte is refused, not misread
        byte[] b = Files.readAllBytes(f);
        b[b.length - 5] ^= 1;
        Files.write(f, b);
        assertThat(TokenFile.load(f, key(1))).isEmpty();
        assertThat(TokenFile.load(dir.resolve("missing"), key(1))).isEmpty();
    }
}
