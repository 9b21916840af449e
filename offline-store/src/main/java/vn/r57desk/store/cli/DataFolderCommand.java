package vn.r57desk.store.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.PackException;

/**
 * A command on a laptop's data folder (the synced cache's folder: packs/, keys/): {@code pack …}
 * and {@code passcode …} share where the data and the keys are, and say a refusal
 * ({@link PackException}) as one line with its own exit code.
 */
abstract class DataFolderCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--cache", description = "the synced cache file; its folder holds packs/ and keys/ (default: ${DEFAULT-VALUE})", defaultValue = "cache.db")
    Path cache;

    @Option(names = "--keys", description = "the keys folder (default: keys/ beside the cache)")
    Path keysDir;

    PrintWriter out;
    PrintWriter err;

    DataHome home() {
        return DataHome.forCache(cache, keysDir);
    }

    @Override
    public final Integer call() throws Exception {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            return run();
        } catch (PackException e) {
            err.println("error: " + e.getMessage());
            return e.problem().exitCode();
        }
    }

    abstract int run() throws Exception;
}
