package vn.r57desk.store.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import picocli.CommandLine.Option;
import vn.r57desk.store.pack.DeviceKey;
import vn.r57desk.store.pack.PackScope;
import vn.r57desk.store.pack.PackWriter;

/**
 * What to put in a pack and for whom: the options {@code ./r57 cli pack create} (a laptop's pack for
 * a colleague) and {@code ./r57 server pack create} (the monitoring office's) share, as a picocli
 * mixin, so the two spell, document and check them the same way.
 */
public final class PackMakeOptions {
    @Option(names = "--scope", defaultValue = "all", description = "all, system:CODE, ministry:CODE, province:CODE or meeting:ID (default: ${DEFAULT-VALUE})")
    String scope;
    @Option(names = "--expires", required = true, description = "2027-01-31 (end of that day, Vietnam time), 30d, or an instant")
    String expires;
    @Option(names = "--to", description = "a device's public key file (its device.pub) that may open the pack; repeatable")
    List<Path> to;
    @Option(names = "--passphrase-file", description = "a file holding a passphrase that (also) opens the pack")
    Path passphraseFile;
    @Option(names = "--revoke", description = "a device's public key file or key id that must wipe its data on seeing this pack; repeatable")
    List<String> revoke;
    @Option(names = "--out", required = true, description = "the .r57pack file to write")
    Path out;
    @Option(names = "--pbkdf2-iterations", hidden = true, defaultValue = "600000")
    int iterations;

    /** The pack file to be written. */
    public Path out() {
        return out;
    }

    /**
     * Writes the pack of {@code src} (a cache file) signed by {@code issuer} with the given sequence;
     * {@code asOf} null: the cache's own as-of. The passphrase is wiped from memory afterwards.
     */
    public PackWriter.Made write(Path src, DeviceKey issuer, long sequence, Instant asOf, Instant now) throws Exception {
        char[] pw = passphraseFile == null ? null : PackWriter.readPassphrase(passphraseFile);
        try {
            return PackWriter.fromFile(src, PackScope.parse(scope), PackWriter.parseExpiry(expires, now), PackWriter.readKeys(to), pw, iterations,
                    PackWriter.revokedIds(revoke), issuer, sequence, out, asOf);
        } finally {
            if (pw != null) java.util.Arrays.fill(pw, '\0');
        }
    }
}
