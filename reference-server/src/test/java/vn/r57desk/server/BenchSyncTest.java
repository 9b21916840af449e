package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code bench sync} at demo scale prints every figure docs/performance.md names (speed is not judged here). */
class BenchSyncTest {
    @TempDir Path dir;

    @Test
    void printsEveryFigureOnceAsJsonLines() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new ServerCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("bench", "sync", "--scale", "demo", "--dir", dir.toString(), "--page-rows", "5000");
        assertThat(code).as(err.toString()).isZero();
        Map<String, JsonNode> figures = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            JsonNode n = new ObjectMapper().readTree(line);
            assertThat(n.path("bench").asText()).isEqualTo("sync");
            assertThat(figures.put(n.path("name").asText(), n.path("value"))).as("once: " + line).isNull();
        }
        assertThat(figures).containsKeys("bootstrap.s", "bootstrap.rows_per_s", "raw_insert.rows_per_s", "bootstrap.ratio",
                "delta1pct.s", "delta.ratio_to_bootstrap", "delta1pct.warm_s", "delta.warm_ratio_to_bootstrap",
                "delta.floor_s", "delta.floor_ratio_to_bootstrap", "client.peak_heap_mb");
        long rows = figures.get("bootstrap.rows").asLong();
        assertThat(figures.get("delta1pct.rows").asLong()).isEqualTo(rows / 100);
        assertThat(figures.get("delta1pct.warm_rows").asLong()).isEqualTo(rows / 100);
        // the floor writes the first delta's observation rows: most of it, never more
        assertThat(figures.get("delta.floor_rows").asLong()).isPositive().isLessThan(rows / 100);
        assertThat(figures.get("client.peak_heap_mb").asDouble()).isPositive().isLessThan(256);
    }
}
