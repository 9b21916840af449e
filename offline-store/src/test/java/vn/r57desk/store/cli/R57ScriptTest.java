package vn.r57desk.store.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code r57} script runs {@code cli} and {@code server} in the caller's folder,
 * so that {@code ./r57 cli verify demo.db} typed elsewhere finds demo.db there. Runs the real script
 * against a stand-in checkout (jars already newer than their sources, so nothing is built) and a
 * stand-in JDK whose {@code java} prints its folder and arguments.
 */
class R57ScriptTest {
    @TempDir Path dir;

    private static void write(Path p, String text, boolean executable) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        if (executable) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String run(Path script, Path jdk, Path caller, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("bash", script.toString()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(caller.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().remove("R57_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void cliAndServerRunInTheCallersFolder() throws Exception {
        Path real = Path.of("../r57").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(real) && Files.isExecutable(Path.of("/bin/bash")), "needs the checkout's r57 and bash");

        Path repo = dir.resolve("checkout");
        Path script = repo.resolve("r57");
        Files.createDirectories(repo);
        Files.copy(real, script);
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (String module : new String[] {"offline-store", "reference-server"}) {
            Files.createDirectories(repo.resolve(module + "/src"));
            write(repo.resolve(module + "/pom.xml"), "<project/>", false);
            Files.setLastModifiedTime(repo.resolve(module + "/pom.xml"), old);
            Files.setLastModifiedTime(repo.resolve(module + "/src"), old);
            write(repo.resolve(module + "/target/" + module + "-0.1.0.jar"), "jar", false);
        }
        Path jdk = dir.resolve("jdk");
        write(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n", false);
        write(jdk.resolve("bin/javac"), "#!/bin/sh\n", true);
        write(jdk.resolve("bin/java"), "#!/bin/sh\necho \"cwd=$(pwd -P)\"\nfor a in \"$@\"; do echo \"arg=$a\"; done\n", true);
        Path caller = Files.createDirectories(dir.resolve("elsewhere"));
        String callerReal = caller.toRealPath().toString();

        String cli = run(script, jdk, caller, "cli", "verify", "demo.db");
        assertThat(cli).contains("cwd=" + callerReal + "\n")
                .contains("arg=-jar\narg=" + repo.toRealPath() + "/offline-store/target/offline-store-0.1.0.jar\narg=verify\narg=demo.db\n");

        String server = run(script, jdk, caller, "server", "serve", "--data", "data");
        assertThat(server).contains("cwd=" + callerReal + "\n")
                .contains("arg=" + repo.toRealPath() + "/reference-server/target/reference-server-0.1.0.jar\narg=serve\narg=--data\narg=data\n");
    }
}
