package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dysonsim.persistence.PostgresJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --journal}, {@code --jdbc-url}, {@code --jdbc-user}, {@code --jdbc-password-file}: mistakes and a real server. */
class JournalOptionsTest {
    @RegisterExtension
    static final PostgresJournal POSTGRES = new PostgresJournal();

    @TempDir
    Path dir;

    private InProcessDyson.Result list(String... journal) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve(".dysonsim"), "dysonsim data directory, layout 1\n");
        String[] args = new String[journal.length + 3];
        args[0] = "list";
        args[1] = "--data-dir";
        args[2] = data.toString();
        System.arraycopy(journal, 0, args, 3, journal.length);
        return InProcessDyson.run(args);
    }

    private static void assertOneLineBadInput(InProcessDyson.Result result, String expected) {
        assertEquals(Main.BAD_INPUT, result.exit(), result.err());
        assertTrue(result.err().contains(expected), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aRunWhoseJournalCannotBeReachedLeavesNoRunDirectory() throws IOException {
        Path quickstart = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
                .resolve("scenarios/quickstart.conf");
        Path data = dir.resolve("unreachable");
        assertOneLineBadInput(InProcessDyson.run("run", quickstart.toString(), "--data-dir", data.toString(), "--quiet",
                "--journal", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/dyson", "--jdbc-user", "dyson"),
                "cannot open the journal");
        try (var entries = Files.list(data)) {
            assertEquals(java.util.List.of(".dysonsim"), entries.map(p -> p.getFileName().toString()).toList(),
                    "the data directory's marker, and no run");
        }
    }

    @Test
    void everySessionOfTheCommandLineGetsItsActorSettingsWhateverTheJournal() {
        JournalOptions embedded = new JournalOptions();
        JournalOptions h2 = new JournalOptions();
        h2.kind = "h2";
        JournalOptions postgres = new JournalOptions();
        postgres.url = "jdbc:postgresql://127.0.0.1:5432/dyson";
        for (JournalOptions options : java.util.List.of(embedded, h2, postgres)) {
            // reading sessions (list, export, replay, serve) too: stdout carries only the command's output
            assertEquals("OFF", options.overrides().getString("pekko.stdout-loglevel"));
        }
        assertEquals("jdbc:postgresql://127.0.0.1:5432/dyson", postgres.overrides().getString("dysonsim.journal.url"));
    }

    @Test
    void aUrlThatIsNotPostgresIsRefused() throws IOException {
        assertOneLineBadInput(list("--journal", "postgres", "--jdbc-url", "jdbc:mysql://db/dyson"), "not a PostgreSQL JDBC URL");
    }

    @Test
    void anUnknownJournalIsRefused() throws IOException {
        assertOneLineBadInput(list("--journal", "oracle"), "unknown journal \"oracle\"");
    }

    @Test
    void theEmbeddedJournalTakesNoConnectionOptions() throws IOException {
        assertOneLineBadInput(list("--journal", "h2", "--jdbc-url", "jdbc:postgresql://db/dyson"), "--journal h2 takes no");
    }

    @Test
    void aMissingPasswordFileIsRefused() throws IOException {
        assertOneLineBadInput(list("--jdbc-url", "jdbc:postgresql://127.0.0.1/dyson", "--jdbc-password-file",
                dir.resolve("nope").toString()), "--jdbc-password-file: cannot read");
    }

    @Test
    void anUnreachableServerIsOneLineNamingTheUrl() throws IOException {
        // Port 1 on the loopback: nothing listens there, the connection is refused at once.
        assertOneLineBadInput(list("--journal", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/dyson"),
                "jdbc:postgresql://127.0.0.1:1/dyson");
    }

    @Test
    void listReadsARealServerWithThePasswordFromAFile() throws IOException {
        Path password = dir.resolve("password");
        Files.writeString(password, POSTGRES.server().password() + "\n");
        // The server refuses a wrong password (CI's role has one); with the file's it answers.
        InProcessDyson.Result result = list("--journal", "postgres", "--jdbc-url", POSTGRES.url(), "--jdbc-user",
                POSTGRES.server().user(), "--jdbc-password-file", password.toString());
        assertEquals(Main.OK, result.exit(), result.err());
        assertEquals(String.join("  ", ListCommand.HEADER).replaceAll("\\s+", " "), result.out().strip().replaceAll("\\s+", " "));
    }
}
