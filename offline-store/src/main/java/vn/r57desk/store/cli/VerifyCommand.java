package vn.r57desk.store.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.r57desk.store.db.Cache;

@Command(name = "verify", description = "Check a cache file page by page (read-only unless an older schema needs migrating).")
final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PasscodeOption passcode;

    @Parameters(paramLabel = "CACHE")
    Path cache;

    @Override
    public Integer call() throws Exception {
        passcode.unlock(cache, null, spec.commandLine().getErr());
        try (Cache c = Cache.openExisting(cache)) {
            List<String> problems = c.integrityProblems();
            if (problems.isEmpty()) {
                spec.commandLine().getOut().println(cache + ": ok");
                return 0;
            }
            problems.stream().limit(20).forEach(p -> spec.commandLine().getErr().println(cache + ": " + p));
            return 3;
        }
    }
}
