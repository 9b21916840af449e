package vn.r57desk.store.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.DeviceKey;
import vn.r57desk.store.pack.PackException;
import vn.r57desk.store.pack.PackKeys;
import vn.r57desk.store.pack.PackReader;
import vn.r57desk.store.pack.PackWriter;
import vn.r57desk.store.pack.PublicKeys;

/** Briefing packs: signed, encrypted snapshots for laptops that never go online (docs/security.md). */
@Command(name = "pack", description = "Briefing packs (.r57pack): make, check and import signed, encrypted snapshots; keys; expiry; wipe.",
        subcommands = {PackCommand.Keygen.class, PackCommand.Trust.class, PackCommand.Create.class, PackCommand.Verify.class,
                PackCommand.Import.class, PackCommand.ListDatasets.class, PackCommand.Expiry.class, PackCommand.Drop.class, PackCommand.Wipe.class})
final class PackCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every pack command shares: where the data and the keys are, and its passcode. */
    abstract static class Base extends DataFolderCommand {
        @Mixin PasscodeOption passcode;
    }

    static char[] passphrase(Path file) throws IOException {
        return PackWriter.readPassphrase(file);
    }

    @Command(name = "keygen", description = {"Make this device's key pair (Ed25519 to sign, X25519 to receive) in the keys folder.",
            "Prints the public key file to give to the office (pack create --to) or to colleagues (pack trust)."})
    static final class Keygen extends Base {
        @Option(names = "--name", required = true, description = "a name people recognise, e.g. 'Laptop Vụ Tổng hợp 03'")
        String name;

        @Option(names = "--replace", description = "replace an existing key (packs made for the old one will no longer open)")
        boolean replace;

        @Override
        int run() throws Exception {
            passcode.unlock(home(), err); // with a passcode, the new key is written encrypted under the data key
            DeviceKey k = home().keys().generate(name, replace);
            out.println("Device key " + k.publicKeys().label() + " made.");
            boolean plain = vn.r57desk.store.pack.DeviceKey.isPlaintext(home().keys().deviceKeyFile());
            out.println("  private: " + home().keys().deviceKeyFile() + " (readable by you only; "
                    + (plain ? "not encrypted: no passcode is set for this data folder (passcode set)" : "encrypted under the data folder's passcode") + ")");
            out.println("  public:  " + home().keys().devicePublicFile() + " (give this one out)");
            return 0;
        }
    }

    @Command(name = "trust", description = "Trust packs signed by the key in KEYFILE (the office's issuer key, a colleague's device.pub).")
    static final class Trust extends Base {
        @Parameters(paramLabel = "KEYFILE", description = "a public key file")
        Path keyFile;

        @Override
        int run() throws Exception {
            PublicKeys k = home().keys().trust(keyFile);
            out.println("Trusted " + k.label() + ": packs it signs can now be imported here.");
            out.println("  key id " + k.idHex() + " (compare it with the issuer by phone before relying on it)");
            return 0;
        }
    }

    @Command(name = "create", description = {"Make a pack of what this laptop holds, signed by this device's key.",
            "The receiver must trust this device's public key (pack trust) to import it."})
    static final class Create extends Base {
        @Option(names = "--from", description = "the cache to pack (default: --cache); an imported pack's .db works too")
        Path from;
        @Mixin
        PackMakeOptions make;

        @Override
        int run() throws Exception {
            PackKeys keys = home().keys();
            DeviceKey me = keys.device();
            if (me == null) {
                throw new PackException(PackException.Problem.KEYS, "Máy này chưa có khóa.", "This laptop has no device key to sign with: run pack keygen --name NAME first");
            }
            Path src = from != null ? from : cache;
            if (!Files.exists(src)) throw new IllegalArgumentException("no cache at " + src);
            passcode.unlock(from != null ? PasscodeOption.homeOf(from, keysDir) : home(), err);
            report(out, make.write(src, me, keys.nextSequence(), null, Instant.now()));
            return 0;
        }
    }

    static void report(PrintWriter out, PackWriter.Made m) {
        out.printf(Locale.ROOT, "Wrote %s: %,d rows, %.1f MB%n", m.file(), m.rows(), m.bytes() / 1048576.0);
        describe(out, m.header(), m.header().issuerName() + " (" + m.header().issuerId().substring(0, 16) + "…)");
    }

    static void describe(PrintWriter out, vn.r57desk.store.pack.PackHeader h, String signer) {
        for (String line : h.describe(signer)) out.println("  " + line);
    }

    @Command(name = "verify", description = "Check a pack's signature against the trusted keys and say who signed it, for whom, as of when, until when.")
    static final class Verify extends Base {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        int run() throws Exception {
            PackReader.Verified v = PackReader.verify(file, home().keys()::trusted);
            out.println("Signature OK: " + file);
            describe(out, v.header(), v.issuer().label() + ", trusted on this laptop");
            Instant now = Instant.now();
            if (!now.isBefore(v.header().expires())) {
                out.println("  EXPIRED: it would be refused");
                return PackException.Problem.EXPIRED.exitCode();
            }
            out.println("  " + Duration.between(now, v.header().expires()).toDays() + " day(s) left");
            return 0;
        }
    }

    @Command(name = "import", description = {"Import a pack as its own dataset (packs/ID.db beside the cache), after checking its signature,",
            "expiry and sequence. Opens with this device's key or --passphrase-file. A refused pack changes nothing."})
    static final class Import extends Base {
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--passphrase-file", description = "a file holding the pack's passphrase")
        Path passphraseFile;
        @Option(names = "--bench-json", hidden = true, description = "print one JSON line of figures (for bench pack)")
        boolean benchJson;
        @Option(names = "--pause-before-place", hidden = true, description = "test: create this file and wait forever once the data is written, before it is put in place")
        Path pauseFile;

        @Override
        int run() throws Exception {
            passcode.unlock(home(), err); // an encrypted data folder: the pack is written encrypted
            char[] pw = passphraseFile == null ? null : passphrase(passphraseFile);
            Runnable pause = pauseFile == null ? null : () -> {
                try {
                    Files.createFile(pauseFile);
                    new java.util.concurrent.CountDownLatch(1).await(); // until killed
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            try {
                long t0 = System.nanoTime();
                DataHome.Dataset d = home().importPack(file, pw, Clock.systemUTC(), pause);
                if (benchJson) {
                    long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                    out.printf(Locale.ROOT, "{\"took_ms\":%d,\"rows\":%d,\"cpu_ms\":%d}%n", (System.nanoTime() - t0) / 1_000_000, d.rows(), cpuMs);
                    return 0;
                }
                out.printf(Locale.ROOT, "Imported %s as dataset %s: %,d rows%n", file, d.id(), d.rows());
                out.println("  scope:     " + d.scope() + " — " + d.scopeLabel());
                out.println("  signed by: " + d.issuer());
                out.println("  data as of " + d.asOf() + ", expires " + d.expires() + " (then wiped from this laptop)");
                out.println("  file:      " + d.file());
                PasscodeOption.warnIfUnprotected(home(), err);
                return 0;
            } finally {
                if (pw != null) java.util.Arrays.fill(pw, '\0');
            }
        }
    }

    @Command(name = "list", description = "The datasets on this laptop: the synced data, each imported pack, the demo data.")
    static final class ListDatasets extends Base {
        @Override
        int run() throws Exception {
            Instant now = Instant.now();
            // Expiry is enforced whenever the data is looked at, not only by pack expiry.
            for (DataHome.Dataset d : home().enforceExpiry(Clock.systemUTC(), 7).wiped()) {
                out.println("wiped (expired " + d.expires() + "): " + d.id() + " " + d.scope());
            }
            for (DataHome.Dataset d : home().datasets()) {
                if (d.kind() == DataHome.Kind.PACK) {
                    out.printf(Locale.ROOT, "%-36s %s — as of %s, expires %s (%d days), from %s, %,d rows%n", d.id(), d.scope(), d.asOf(), d.expires(),
                            d.daysLeft(now), d.issuer(), d.rows());
                } else {
                    out.printf(Locale.ROOT, "%-36s %s (%s)%n", d.id(), d.scopeLabel(), d.file());
                }
            }
            return 0;
        }
    }

    @Command(name = "expiry", description = "Wipe packs past their expiry (overwrite, then delete) and list those expiring soon. Needs no network.")
    static final class Expiry extends Base {
        @Option(names = "--warn-days", defaultValue = "7", description = "warn this many days ahead (default: ${DEFAULT-VALUE})")
        int warnDays;

        @Override
        int run() throws Exception {
            DataHome.ExpiryReport r = home().enforceExpiry(Clock.systemUTC(), warnDays);
            for (DataHome.Dataset d : r.wiped()) out.println("wiped (expired " + d.expires() + "): " + d.id() + " " + d.scope());
            for (DataHome.Dataset d : r.expiringSoon()) out.println("expires " + d.expires() + ": " + d.id() + " " + d.scope());
            if (r.wiped().isEmpty() && r.expiringSoon().isEmpty()) out.println("No pack expired or expiring within " + warnDays + " days.");
            return 0;
        }
    }

    @Command(name = "drop", description = "Delete one imported pack's data (overwritten, then deleted).")
    static final class Drop extends Base {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run() throws Exception {
            home().drop(id);
            out.println("Dropped " + id);
            return 0;
        }
    }

    @Command(name = "wipe", description = "Wipe this laptop's data: the synced cache (notes and outbox with it), every imported pack, the device's private key.")
    static final class Wipe extends Base {
        @Option(names = "--yes", required = true, description = "confirm")
        boolean yes;

        @Override
        int run() throws Exception {
            home().wipeAll(true);
            out.println("Wiped the data in " + home().root() + " and the device key; trusted issuers were kept.");
            return 0;
        }
    }
}
