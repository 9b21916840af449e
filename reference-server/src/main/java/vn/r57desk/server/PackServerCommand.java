package vn.r57desk.server;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.r57desk.store.cli.PackMakeOptions;
import vn.r57desk.store.generate.Scale;
import vn.r57desk.store.pack.DeviceKey;
import vn.r57desk.store.pack.PackException;
import vn.r57desk.store.pack.PackKeys;
import vn.r57desk.store.pack.PackWriter;

/** The monitoring office's side of briefing packs: {@code ./r57 server pack create …}. */
@Command(name = "pack", description = "Briefing packs made by the monitoring office from the server's current data.",
        subcommands = PackServerCommand.Create.class)
final class PackServerCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", description = {"Make a signed, encrypted .r57pack of the live data (all, or one system, ministry, province or meeting).",
            "Signed with the issuer key in --keys (made on first use); laptops trust its public key once: ./r57 cli pack trust FILE."})
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--scale", defaultValue = "demo", description = "demo, national or x10 (default: ${DEFAULT-VALUE})")
        String scale;
        @Option(names = "--data", defaultValue = "target/r57-server", description = "the server's data folder (default: ${DEFAULT-VALUE})")
        Path data;
        @Option(names = "--keys", description = "the issuer's keys folder (default: issuer-keys/ in --data)")
        Path keys;
        @Mixin
        PackMakeOptions make;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                PackKeys k = new PackKeys(keys != null ? keys : data.resolve("issuer-keys"));
                DeviceKey issuer = k.device();
                if (issuer == null) {
                    issuer = k.generate("R57 monitoring office (reference server)", false);
                    o.println("Made the issuer key " + issuer.publicKeys().label() + "; laptops trust it with: ./r57 cli pack trust " + k.devicePublicFile().toAbsolutePath());
                }
                Path live;
                try (ServerData d = ServerData.open(data, Scale.parse(scale), false, line -> o.println(line))) {
                    live = d.live();
                }
                if (!Files.exists(live)) throw new IllegalStateException("no live data at " + live);
                Instant now = Instant.now();
                long t0 = System.nanoTime();
                // The live data is current as of now: churn writes into it as it is reported.
                PackWriter.Made m = make.write(live, issuer, k.nextSequence(), now, now);
                o.printf(Locale.ROOT, "Wrote %s: %,d rows, %.1f MB in %.1f s%n", m.file(), m.rows(), m.bytes() / 1048576.0, (System.nanoTime() - t0) / 1e9);
                for (String line : m.header().describe(issuer.publicKeys().label())) o.println("  " + line);
                o.println("  issuer public key: " + k.devicePublicFile().toAbsolutePath());
                return 0;
            } catch (PackException e) {
                err.println("error: " + e.getMessage());
                return e.problem().exitCode();
            }
        }
    }
}
