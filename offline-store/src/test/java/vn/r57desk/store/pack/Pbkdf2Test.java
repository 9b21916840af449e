package vn.r57desk.store.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

/**
 * The passcode's key derivation gives the JDK's {@code PBKDF2WithHmacSHA256} bit for bit (a data
 * key wrapped by an earlier version unwraps), on passcodes of every length around SHA-256's 64-byte
 * block, Vietnamese and astral characters, salts of any length and iteration counts around the
 * loop's edges; and RFC 7914's published vectors.
 */
class Pbkdf2Test {
    private static byte[] jdk(char[] password, byte[] salt, int iterations) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
    }

    @Test
    void theSameKeyAsTheJdkForManyPasscodesSaltsAndCounts() throws Exception {
        Random r = new Random(57);
        String alphabet = "abcXYZ019 ạảãáàăắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữựĐ😀";
        int[] counts = {1, 2, 3, 17, 1000};
        for (int length = 1; length <= 80; length++) {
            StringBuilder sb = new StringBuilder();
            while (sb.codePointCount(0, sb.length()) < length) sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            char[] pw = sb.toString().toCharArray();
            byte[] salt = new byte[r.nextInt(80)];
            r.nextBytes(salt);
            int n = counts[length % counts.length];
            assertThat(HexFormat.of().formatHex(Pbkdf2.derive(pw, salt, n)))
                    .as("passcode of %d characters, salt of %d bytes, %d iterations", pw.length, salt.length, n)
                    .isEqualTo(HexFormat.of().formatHex(jdk(pw, salt, n)));
        }
    }

    @Test
    void theRfc7914Vectors() {
        // RFC 7914, section 11: PBKDF2-HMAC-SHA256, the first 32 bytes of each 64-byte output
        assertThat(HexFormat.of().formatHex(Pbkdf2.derive("passwd".toCharArray(), "salt".getBytes(), 1)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        assertThat(HexFormat.of().formatHex(Pbkdf2.derive("Password".toCharArray(), "NaCl".getBytes(), 80000)))
                .isEqualTo("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
    }

    @Test
    void noIterationsIsRefused() {
        assertThatThrownBy(() -> Pbkdf2.derive("a".toCharArray(), new byte[16], 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
