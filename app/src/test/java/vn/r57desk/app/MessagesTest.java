package vn.r57desk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.r57desk.app.i18n.Messages;

/** Both languages have the same keys; every key used in code exists; every key is used. */
class MessagesTest {
    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/vn/r57desk/app/i18n/messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeysAndCodeUsesOnlyThose() throws IOException {
        Properties vi = load("vi"), en = load("en");
        assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        Set<String> used = new HashSet<>();
        Pattern literal = Pattern.compile("\"([a-z]+\\.[A-Za-z0-9_.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) if (vi.containsKey(m.group(1))) used.add(m.group(1));
            }
        }
        // Keys built from enum names ("rag." + rag, "error." + problem) count as used.
        Set<String> unused = new HashSet<>(vi.stringPropertyNames());
        unused.removeAll(used);
        unused.removeIf(k -> k.startsWith("rag.") || k.startsWith("error.") || k.startsWith("component.") || k.startsWith("search.kind.")
                || k.startsWith("theme.") || k.startsWith("sync.error.") || k.startsWith("sync.phase.") || k.startsWith("sync.entity.") || k.startsWith("sync.retry.") || k.startsWith("sync.dialog.problem.")
                || k.startsWith("system.short.") || k.startsWith("changes.kind.") || k.startsWith("changes.op.")
                || k.startsWith("subject.kind.") || k.startsWith("decision.kind.") || k.startsWith("privatenote.state."));
        assertThat(unused).as("keys nobody uses").isEmpty();
        for (var r : vn.r57desk.store.metrics.Rag.values()) assertThat(vi).containsKey("rag." + r.name());
        for (var p : vn.r57desk.store.db.CacheException.Problem.values()) assertThat(vi).containsKey("error." + p.name());
        for (var t : vn.r57desk.app.theme.Theme.values()) assertThat(vi).containsKey(t.messageKey());
        for (var p : vn.r57desk.store.sync.SyncException.Problem.values()) assertThat(vi).containsKey("sync.error." + p.name());
        for (var p : vn.r57desk.store.sync.SyncException.Problem.values()) {
            if (p.isTransient()) assertThat(vi).as("a retry after " + p + " says so").containsKey("sync.retry." + p.name());
        }
        for (var p : vn.r57desk.store.sync.SyncClient.AddressProblem.values()) assertThat(vi).containsKey("sync.dialog.problem." + p.name());
        for (var p : vn.r57desk.store.sync.SyncClient.Phase.values()) assertThat(vi).containsKey("sync.phase." + p.name());
        for (var e : vn.r57desk.store.sync.Entities.all()) assertThat(vi).containsKey("sync.entity." + e.name());
        for (var k : vn.r57desk.app.search.SearchViewModel.Kind.values()) {
            assertThat(vi).containsKey("search.kind." + k.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (var k : vn.r57desk.store.query.ChangeSummary.TaskKind.values()) assertThat(vi).containsKey("changes.kind." + k.name());
        for (var op : List.of("insert", "update", "delete")) assertThat(vi).containsKey("changes.op." + op);
        for (int i = 1; i <= 6; i++) assertThat(vi).as("a short name for each system").containsKey("system.short.SYS" + i);
        for (var k : vn.r57desk.store.meeting.Subject.Kind.values()) assertThat(vi).containsKey("subject.kind." + k.db());
        for (var k : vn.r57desk.store.meeting.MeetingAction.Kind.values()) assertThat(vi).containsKey("decision.kind." + k.name());
        for (var s : vn.r57desk.store.meeting.Note.State.values()) assertThat(vi).containsKey("privatenote.state." + s.name());
        for (var c : vn.r57desk.store.metrics.RankingIndex.Component.values()) {
            assertThat(vi).containsKey("component." + c.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One way of writing Vietnamese throughout: the tone mark on the first vowel of a final "oa",
     * "oe", "uy" ("hóa", "xóa", "hủy"), as the reference names are written ("văn hóa", "Khánh
     * Hòa"); the window had "xoá" beside "minh họa". No user sees a file of the project
     * ("docs/metrics.md") or an ASCII comparison (">=").
     */
    @Test
    void oneToneMarkStyleAndNothingOnlyADeveloperReads() throws IOException {
        Pattern newStyle = Pattern.compile("(?<![qQ])(o[áàảãạ]|o[éèẻẽẹ]|u[ýỳỷỹỵ])(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Properties vi = load("vi");
        for (String k : vi.stringPropertyNames()) {
            assertThat(newStyle.matcher(vi.getProperty(k)).find()).as("%s: %s", k, vi.getProperty(k)).isFalse();
        }
        for (String lang : List.of("vi", "en")) {
            Properties p = load(lang);
            for (String k : p.stringPropertyNames()) {
                assertThat(p.getProperty(k)).as(lang + " " + k).doesNotContain("docs/").doesNotContain(".md").doesNotContain(">=").doesNotContain("<=");
            }
        }
    }

    /**
     * A text with values goes through MessageFormat, where an apostrophe is written twice; one
     * without is shown as written, where a doubled apostrophe would show ("that reload''s").
     */
    @Test
    void apostrophesAreWrittenAsEachTextIsShown() throws IOException {
        for (String lang : List.of("vi", "en")) {
            Properties p = load(lang);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                boolean formatted = v.matches("(?s).*\\{\\d.*");
                if (formatted) assertThat(v.replace("''", "")).as(lang + " " + k).doesNotContain("'");
                else assertThat(v).as(lang + " " + k).doesNotContain("''");
            }
        }
    }

    @Test
    void missingKeysAreVisible() {
        assertThat(new Messages().get("no.such.key")).isEqualTo("!no.such.key!");
        Messages m = new Messages();
        assertThat(m.get("nav.overview")).isEqualTo("Tổng quan");
        m.localeProperty().set(Messages.EN);
        assertThat(m.get("nav.overview")).isEqualTo("Overview");
    }
}
