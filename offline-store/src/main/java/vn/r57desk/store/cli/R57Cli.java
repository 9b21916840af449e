package vn.r57desk.store.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The offline-store command line: {@code ./r57 cli --help}. */
// scope INHERIT: every subcommand answers --help (and --version) too, with exit code 0.
@Command(name = "r57", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "R57 Desk offline store 0.1",
        description = "R57 Desk offline store: build demo caches, query them, sync them, measure them.",
        subcommands = {GenerateCommand.class, QueryCommand.class, BenchCommand.class, VerifyCommand.class, SyncCommand.class,
                OutboxCommand.class, PackCommand.class, MeetingsCommand.class, HandoutCommand.class, PasscodeCommand.class})
public final class R57Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new R57Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Users get the reason in one sentence, not a stack trace.
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (e instanceof vn.r57desk.store.pack.PackException pe) return pe.problem().exitCode(); // e.g. a wrong passcode: 21
            return e instanceof vn.r57desk.store.db.CacheException ? 3 : 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
