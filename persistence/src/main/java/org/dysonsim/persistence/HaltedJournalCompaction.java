package org.dysonsim.persistence;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded journal's file compacted when a writer opens it after an unclean end. H2 (MVStore)
 * appends every commit as a new chunk and frees the old ones' space only by compacting, which a
 * normal close does; a process that was halted (SIGKILL, out of memory, power cut) leaves all of
 * its garbage in the file: 2 GB for 35 MB of records was seen. The first writer to open such a
 * file, alone on it, compacts it at once ({@code SHUTDOWN COMPACT}) when the file is larger than
 * {@code dysonsim.journal.compact-above} and at most half of it is live data.
 *
 * <p>H2 compacts into a new file and renames it over the old one, so a process killed while it
 * compacts leaves the old file as it was: no record is lost. Compacting costs about the time to
 * write the live data once. Done on open rather than by a command of its own because only a
 * writer may change the file, and a writer opening it is the first moment one can, before the
 * garbage grows further.
 */
final class HaltedJournalCompaction {

    static final String COMPACT_ABOVE = "dysonsim.journal.compact-above";

    private HaltedJournalCompaction() {}

    /** What H2 reports of its file: its size and how much of it is live data. */
    record FileUse(long bytes, long liveBytes) {
        boolean wasteful(long above) {
            return bytes > above && 2 * liveBytes <= bytes;
        }
    }

    /**
     * {@code db}, or, if the file was compacted, a new connection in its place ({@code db} is then
     * closed). Only a connection that opened the file itself and is its only session compacts.
     */
    static Connection compactIfWasteful(Connection db, Config config) throws SQLException {
        if (!config.hasPath(COMPACT_ABOVE) || !onlySession(db)) return db;
        FileUse use = fileUse(db);
        if (use == null || !use.wasteful(config.getBytes(COMPACT_ABOVE)) || !roomForACopy(config, use)) return db;
        try (Statement statement = db.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            // not compacted: H2 leaves the file as it was, and the next open by a writer tries again
        } finally {
            JournalRetry.closeQuietly(db);
        }
        return JournalRetry.connect(config);
    }

    /** Whether the disk has room for the compacted copy H2 writes beside the file (twice the live data). */
    private static boolean roomForACopy(Config config, FileUse use) {
        try {
            Path dir = Path.of(Journal.embeddedPath(Journal.urlOf(config))).getParent();
            return Files.getFileStore(dir).getUsableSpace() > 2 * use.liveBytes();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The file's size and live bytes (fill rate of the file times fill rate of its chunks); null if H2 does not say. */
    static FileUse fileUse(Connection db) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) info.put(rows.getString(1), rows.getString(2));
        }
        if (info.size() != 3) return null;
        long bytes = Long.parseLong(info.get("info.FILE_SIZE"));
        long live = bytes * Long.parseLong(info.get("info.FILL_RATE")) / 100
                * Long.parseLong(info.get("info.CHUNKS_FILL_RATE")) / 100;
        return new FileUse(bytes, live);
    }

    /** Whether no other session (of this process or of one served by it) uses the database. */
    private static boolean onlySession(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            return count.next() && count.getLong(1) == 1;
        }
    }
}
