package vn.r57desk.store.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.r57desk.store.db.Sqlite;
import vn.r57desk.store.pack.AtRest;
import vn.r57desk.store.pack.DataHome;
import vn.r57desk.store.pack.PackWriter;
import vn.r57desk.store.pack.Passcode;

@Command(name = "passcode", description = {"Encryption at rest of a data folder (the synced cache with its notes and outbox, imported packs):",
        "set a passcode (and encrypt what is there), change it, see the state, or start again after forgetting it."},
        subcommands = {PasscodeCommand.Set.class, PasscodeCommand.Change.class, PasscodeCommand.Status.class, PasscodeCommand.Forgotten.class})
final class PasscodeCommand implements Runnable {
    static final String WARNING = "Keep this passcode safe. If it is forgotten, the data on this laptop cannot be read by anyone, "
            + "the office included: it must be deleted (passcode forgotten) and synced again, and notes not yet sent are lost.";

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Base extends DataFolderCommand {
        Passcode passcode() {
            return Passcode.in(home().keys().dir(), Clock.systemUTC());
        }
    }

    @Command(name = "set", description = {"Set the passcode of the data folder and encrypt every database in it (the new passcode from --passcode-file).",
            "Every program using the folder must be closed first."})
    static final class Set extends Base {
        @Option(names = "--passcode-file", required = true, paramLabel = "FILE", description = "a file holding the new passcode (at least " + Passcode.MIN_LENGTH + " characters)")
        Path passcodeFile;

        @Override
        int run() throws Exception {
            char[] code = PackWriter.readPassphrase(passcodeFile);
            DataHome home = home();
            long t0 = System.nanoTime();
            try (Passcode.DataKey key = passcode().set(code)) {
                Arrays.fill(code, '\0');
                out.println("passcode set: " + passcode().keyFile());
                out.println(WARNING);
                out.flush();
                AtRest.encryptExisting(home, key, PasscodeOption.progress(err));
            }
            out.printf(java.util.Locale.ROOT, "the data in %s is encrypted (%.1f s); open it with --passcode-file%n", home.root(), (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    @Command(name = "change", description = "Change the passcode (the data is not re-encrypted: its key is wrapped again).")
    static final class Change extends Base {
        @Option(names = "--passcode-file", required = true, paramLabel = "FILE", description = "a file holding the current passcode")
        Path passcodeFile;

        @Option(names = "--new-passcode-file", required = true, paramLabel = "FILE", description = "a file holding the new passcode")
        Path newPasscodeFile;

        @Override
        int run() throws Exception {
            char[] old = PackWriter.readPassphrase(passcodeFile), neu = PackWriter.readPassphrase(newPasscodeFile);
            try {
                passcode().change(old, neu);
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(neu, '\0');
            }
            out.println("passcode changed: " + passcode().keyFile());
            out.println(WARNING);
            return 0;
        }
    }

    @Command(name = "status", description = "Whether the data folder has a passcode, which of its databases are still unencrypted, and the wrong tries.")
    static final class Status extends Base {
        @Override
        int run() throws Exception {
            DataHome home = home();
            Passcode pc = passcode();
            out.println("data folder: " + home.root());
            out.println("passcode: " + (pc.isSet() ? "set (" + pc.keyFile() + ")" : "none: the data is not encrypted"));
            if (pc.isSet()) {
                Duration wait = pc.waitBeforeNextTry();
                out.println("wrong tries in a row: " + pc.failures() + (wait.isZero() ? "" : "; next try in " + Math.max(1, wait.toSeconds()) + " s"));
            }
            for (DataHome.Dataset d : home.datasets()) {
                out.println("  " + d.file() + ": " + (Sqlite.isPlaintextDatabase(d.file()) ? "NOT encrypted" : "encrypted"));
            }
            if (pc.isSet() && AtRest.hasPlaintext(home)) {
                out.println("unencrypted data is left (an interrupted conversion): any command given --passcode-file encrypts it");
                return 4;
            }
            return 0;
        }
    }

    @Command(name = "forgotten", description = {"A forgotten passcode: delete (overwrite, then delete) the synced cache with its notes and outbox,",
            "every imported pack and the wrapped key. Then set a new passcode and sync again. Notes not yet sent are lost."})
    static final class Forgotten extends Base {
        @Option(names = "--yes", required = true, description = "confirm")
        boolean yes;

        @Override
        int run() throws Exception {
            passcode().forgotten(home());
            out.println("deleted the data of " + home().root() + " and its passcode; set a new one (passcode set) and sync again");
            return 0;
        }
    }
}
