package vn.r57desk.store.cli;

import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.r57desk.store.generate.DatasetGenerator;
import vn.r57desk.store.generate.Scale;

@Command(name = "generate", description = "Build a deterministic demo cache from the bundled reference data.")
final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PasscodeOption passcode;

    @Option(names = "--scale", defaultValue = "demo", description = "demo, national or x10 (default: ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--out", required = true, description = "cache file to write")
    Path out;

    @Option(names = "--seed", defaultValue = "57", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--force", description = "replace an existing file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Scale s = Scale.parse(scale);
        var err = spec.commandLine().getErr();
        passcode.unlock(out, null, err); // into an encrypted data folder: written encrypted
        int[] lastPct = {-1};
        DatasetGenerator.Report r = DatasetGenerator.generate(s, seed, out, force, (phase, fraction) -> {
            int pct = (int) (fraction * 100);
            if (pct / 5 != lastPct[0] / 5) {
                lastPct[0] = pct;
                err.printf("\r%-14s %3d%%", phase, pct);
                err.flush();
            }
        });
        err.println();
        var o = spec.commandLine().getOut();
        o.printf("Generated %s (scale %s, seed %d, data as of %s) in %.1f s: %,d rows, %,.0f rows/s%n", out, s.id(), seed,
                DatasetGenerator.AS_OF, r.millis() / 1000.0, r.totalRows(), r.rowsPerSecond());
        new TreeMap<>(r.rows()).forEach((t, n) -> o.printf("  %-24s %,12d%n", t, n));
        return 0;
    }
}
