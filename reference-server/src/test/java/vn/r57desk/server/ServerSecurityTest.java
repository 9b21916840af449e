package vn.r57desk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.r57desk.store.generate.Scale;

/**
 * The reference server signs its cursors (a cursor edited to jump elsewhere is refused, one it
 * issued still works after a restart) and accepts only exact tokens.
 */
class ServerSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(ReferenceServer server, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery.substring(1)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The cursor a first snapshot page hands out. */
    private String firstCursor(ReferenceServer server) throws Exception {
        HttpResponse<String> r = get(server, "/v1/snapshot?limit=5", ServerFixture.TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).path("next_cursor").asText();
    }

    @Test
    void aCursorEditedByHandOrUnsignedIsRefused() throws Exception {
        try (ReferenceServer server = ServerFixture.start()) {
            String cursor = firstCursor(server);
            assertThat(get(server, "/v1/snapshot?limit=5&cursor=" + cursor, ServerFixture.TOKEN).statusCode()).isEqualTo(200);

            String body = cursor.substring(0, cursor.indexOf('.'));
            String mac = cursor.substring(cursor.indexOf('.'));
            JsonNode n = JSON.readTree(Base64.getUrlDecoder().decode(body));
            String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    n.toString().replace("\"e\":" + n.path("e").asInt(), "\"e\":" + (n.path("e").asInt() + 3)).getBytes(StandardCharsets.UTF_8));
            assertThat(edited).isNotEqualTo(body);
            for (String bad : new String[] {edited + mac, body, body + ".", "x" + cursor}) {
                HttpResponse<String> r = get(server, "/v1/snapshot?limit=5&cursor=" + bad, ServerFixture.TOKEN);
                assertThat(r.statusCode()).as(bad).isEqualTo(400);
                assertThat(r.body()).contains("bad_cursor", "not one this server issued");
            }
        }
    }

    @Test
    void aCursorStillWorksAfterTheServerRestartsOnItsData() throws Exception {
        String cursor;
        try (ReferenceServer server = ServerFixture.start()) {
            cursor = firstCursor(server);
        }
        try (ReferenceServer again = ReferenceServer.start(new ReferenceServer.Config(ServerFixture.dataDir(), Scale.DEMO, "127.0.0.1", 0,
                Map.of(ServerFixture.TOKEN, "laptop-1"), false, null, null, 0, 57), line -> {})) {
            assertThat(get(again, "/v1/snapshot?limit=5&cursor=" + cursor, ServerFixture.TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyAnExactTokenIsAccepted() throws Exception {
        try (ReferenceServer server = ServerFixture.start()) {
            assertThat(get(server, "/v1/info", ServerFixture.TOKEN).statusCode()).isEqualTo(200);
            String almost = ServerFixture.TOKEN.substring(0, ServerFixture.TOKEN.length() - 1) + "X";
            for (String bad : new String[] {almost, ServerFixture.TOKEN + "x", ServerFixture.TOKEN.substring(1), ""}) {
                HttpResponse<String> r = get(server, "/v1/info", bad);
                assertThat(r.statusCode()).as(bad).isEqualTo(401);
                assertThat(r.body()).contains("unauthorized");
            }
            assertThat(get(server, "/v1/info", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aClientOfAnotherProtocolMajorIsToldWhatToDo() throws Exception {
        try (ReferenceServer server = ServerFixture.start()) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(server.uri() + "v1/info")).header("Authorization", "Bearer " + ServerFixture.TOKEN)
                    .header("R57-Protocol", "2.0").GET().build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("incompatible_protocol");
            assertThat(r.body()).contains("the client speaks 2.0", "Update R57 Desk");
        }
    }
}
