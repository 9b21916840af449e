package vn.r57desk.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.r57desk.store.generate.Scale;

/** The reference server's command line: {@code ./r57 server --help}. */
@Command(name = "r57-server", mixinStandardHelpOptions = true, version = "R57 Desk reference server 0.1",
        description = "The sync protocol over a generated dataset: serve it, or measure a client against it.",
        subcommands = {ServerCli.Serve.class, BenchSync.Group.class, PackServerCommand.class})
public final class ServerCli implements Runnable {
    @Spec CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new ServerCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        int code = cl.execute(args);
        if (code != 0 || !Serve.serving) System.exit(code);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "serve", description = {"Serve a generated dataset over sync protocol 1 until stopped (Ctrl+C).",
            "Plain HTTP only on a loopback address; give --keystore to serve HTTPS anywhere."})
    static final class Serve implements Callable<Integer> {
        static volatile boolean serving;

        @Spec CommandSpec spec;

        @Option(names = "--scale", defaultValue = "demo", description = "demo, national or x10 (default: ${DEFAULT-VALUE})")
        String scale;
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
        String host;
        @Option(names = "--port", defaultValue = "8557", description = "port; 0 picks a free one (default: ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--data", defaultValue = "target/r57-server", description = "where the base and live data are kept (default: ${DEFAULT-VALUE})")
        Path data;
        @Option(names = "--fresh", description = "start a new data generation: every client bootstraps again")
        boolean fresh;
        @Option(names = "--token", description = "accepted bearer token as TOKEN or TOKEN=DEVICE; repeatable (default: demo-token)")
        List<String> tokens;
        @Option(names = "--revoked", description = "a token whose device is revoked; repeatable")
        List<String> revoked;
        @Option(names = "--churn", defaultValue = "0", description = "simulated live reporting: changes per second (default: ${DEFAULT-VALUE})")
        int churn;
        @Option(names = "--seed", defaultValue = "57", description = "seed of the churn and fault dice (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--keystore", description = "a PKCS12 keystore: serve HTTPS with its key")
        Path keystore;
        @Option(names = "--keystore-password", description = "its password (default: $R57_KEYSTORE_PASSWORD)")
        String keystorePassword;
        @Option(names = "--latency-ms", defaultValue = "0", description = "fault: delay every answer by this much")
        int latency;
        @Option(names = "--drop-rate", defaultValue = "0", description = "fault: share of pages (and outbox replies) whose connection is dropped midway (0..1)")
        double dropRate;
        @Option(names = "--error-rate", defaultValue = "0", description = "fault: share of page requests and outbox pushes answered 503 (0..1)")
        double errorRate;
        @Option(names = "--truncate-rate", defaultValue = "0", description = "fault: share of pages (and outbox replies) cut short (0..1)")
        double truncateRate;
        @Option(names = "--malform-rate", defaultValue = "0", description = "fault: share of pages (and outbox replies) with garbage inside (0..1)")
        double malformRate;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Scale s = Scale.parse(scale);
            boolean loopback = host.equals("localhost") || java.net.InetAddress.getByName(host).isLoopbackAddress();
            if (!loopback && keystore == null) {
                throw new IllegalArgumentException("Refusing plain HTTP on " + host + ": give --keystore to serve HTTPS, or listen on 127.0.0.1");
            }
            for (double r : new double[] {dropRate, errorRate, truncateRate, malformRate}) {
                if (r < 0 || r > 1) throw new IllegalArgumentException("fault rates are between 0 and 1, not " + r);
            }
            Map<String, String> t = new LinkedHashMap<>();
            for (String tok : tokens == null ? List.of("demo-token") : tokens) {
                String[] kv = tok.split("=", 2);
                t.put(kv[0], kv.length == 2 ? kv[1] : "device-" + (t.size() + 1));
            }
            String given = keystorePassword != null ? keystorePassword : System.getenv("R57_KEYSTORE_PASSWORD");
            if (keystore != null && given == null) {
                throw new IllegalArgumentException("--keystore needs its password: --keystore-password or $R57_KEYSTORE_PASSWORD");
            }
            char[] pw = keystore == null ? null : given.toCharArray();
            ReferenceServer server = ReferenceServer.start(new ReferenceServer.Config(data, s, host, port, t, fresh, keystore, pw, churn, seed),
                    line -> out.println(line));
            if (revoked != null) revoked.forEach(server::revoke);
            server.faults().latency(latency).rates(dropRate, errorRate, truncateRate, malformRate);
            serving = true;
            out.printf("R57 Desk reference server: %s (scale %s, generation %s, %,d snapshot rows%s)%n", server.uri(), s.id(),
                    server.generation(), server.snapshotRows(), churn > 0 ? ", " + churn + " changes/s" : "");
            out.printf("Tokens: %s. Try: ./r57 cli sync --server %s --cache /tmp/r57-synced.db --token %s%n",
                    String.join(", ", t.keySet()), server.uri(), t.keySet().iterator().next());
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }
    }
}
