package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.r57desk.store.sync.Entities;

/**
 * A page of changes holds one batch per kind of data and op, parents' upserts first and children's
 * deletes before their parents', and the pages of a log give each change exactly once.
 */
class ChangesPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode get(ReferenceServer server, String pathAndQuery) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery.substring(1)))
                .header("Authorization", "Bearer " + ServerFixture.TOKEN).GET().build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
        return JSON.readTree(resp.body());
    }

    @Test
    void eachKindOfChangeComesInOneBatchAndEveryChangeOnce() throws Exception {
        try (ReferenceServer server = ServerFixture.start()) {
            JsonNode snapshot = get(server, "/v1/snapshot?limit=1000000");
            assertThat(snapshot.path("complete").asBoolean()).isTrue();
            String cursor = snapshot.path("next_cursor").asText();
            server.churn(3000);

            long rows = 0;
            int pages = 0;
            Set<String> versions = new HashSet<>();
            boolean more = true;
            while (more) {
                JsonNode page = get(server, "/v1/changes?limit=1000&cursor=" + cursor);
                pages++;
                List<String> kinds = new ArrayList<>();
                for (JsonNode b : page.path("batches")) {
                    kinds.add(b.path("entity").asText() + " " + b.path("op").asText());
                    for (JsonNode row : b.path("rows")) {
                        // every change has its own version (the last value of its row): none twice
                        assertThat(versions.add(row.get(row.size() - 1).asText())).as("a change given twice").isTrue();
                    }
                }
                assertThat(kinds).as("one batch per kind and op").doesNotHaveDuplicates();
                assertThat(kinds).as("upserts parents first, then deletes children first").isSortedAccordingTo(
                        java.util.Comparator.comparingInt(ChangesPageTest::rank));
                rows += page.path("row_count").asLong();
                more = page.path("has_more").asBoolean();
                cursor = page.path("next_cursor").asText();
            }
            assertThat(pages).isEqualTo(3);
            assertThat(rows).isEqualTo(3000);
            assertThat(versions).hasSize(3000);
        }
    }

    private static int rank(String kind) {
        String[] p = kind.split(" ");
        int i = Entities.all().indexOf(Entities.byName(p[0]));
        return p[1].equals("delete") ? 100 - i : i;
    }
}
