package org.dysonsim.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) while it creates a data directory's journal leaves H2's lock file
 * behind, naming a server that is gone, and possibly a file H2 can only open by writing. The next
 * reader lists the run from its directory without changing a byte of the journal (it opened such
 * a file as a writer, growing it and taking over the lock), and the next writer opens it.
 */
class JournalKilledAtCreationTest {

    @Test
    void theNextReaderListsWithoutWritingAndTheNextWriterOpens(@TempDir Path root) throws Exception {
        DataDirectory killed = DataDirectory.createOrOpen(root.resolve("killed"));
        addRunDirectory(killed);
        Process creator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RecordingProcess.class.getName(), killed.root().toString(), "--serve")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path lock = killed.databaseFile().resolveSibling(DataDirectory.DATABASE_NAME + ".lock.db");
        try {
            // killed once H2 has announced its server in the lock file and begun the database file
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!(Files.exists(lock) && Files.readString(lock).contains("server=") && Files.exists(killed.databaseFile()))) {
                assertTrue(creator.isAlive() && System.nanoTime() < deadline, "the creator did not open the journal");
                Thread.sleep(2);
            }
        } finally {
            creator.destroyForcibly();
            assertTrue(creator.waitFor(1, TimeUnit.MINUTES));
        }
        assertTrue(EmbeddedJournal.serverRefuses(killed), "the lock file's server is known gone at once");

        byte[] staleLock = Files.readAllBytes(lock);
        assertListedWithoutWriting(killed);
        try (JournalSession session = JournalSession.openAsRecorder(killed.root(), ConfigFactory.empty())) {
            assertEquals(RunStatus.INTERRUPTED, session.list().get(0).status(), "a writer opens the journal");
        }

        // the journal that writer completed, cut to H2's two header blocks, with the stale lock file:
        // a file H2 opens only by writing, as a kill while H2 writes its first chunks can leave one
        DataDirectory cut = DataDirectory.createOrOpen(root.resolve("cut"));
        addRunDirectory(cut);
        Files.createDirectories(cut.databaseFile().getParent());
        Files.copy(killed.databaseFile(), cut.databaseFile());
        Files.write(cut.databaseFile().resolveSibling(lock.getFileName()), staleLock);
        try (RandomAccessFile file = new RandomAccessFile(cut.databaseFile().toFile(), "rw")) {
            file.setLength(2 * 4096);
        }
        assertListedWithoutWriting(cut);
    }

    private static void assertListedWithoutWriting(DataDirectory dir) throws IOException {
        TreeMap<String, byte[]> before = journalFiles(dir);
        try (JournalSession session = JournalSession.openForReading(dir.root(), ConfigFactory.empty())) {
            assertEquals(List.of(RunStatus.INTERRUPTED), session.list().stream().map(RunSummary::status).toList());
        }
        TreeMap<String, byte[]> after = journalFiles(dir);
        assertEquals(before.keySet(), after.keySet(), "the reader left the journal's files as they were");
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name + " unchanged by the reader");
        }
    }

    private static void addRunDirectory(DataDirectory dir) throws IOException {
        Files.createDirectories(dir.runDirectory("early-run"));
        Files.writeString(dir.runDirectory("early-run").resolve(DataDirectory.SCENARIO), "name = early\n");
    }

    private static TreeMap<String, byte[]> journalFiles(DataDirectory dir) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir.databaseFile().getParent())) {
            for (Path file : list.toList()) files.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        return files;
    }
}
