package org.dysonsim.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The layout of a data directory ({@code ./runs} by default):
 * <pre>
 *   DIR/.dysonsim             marker: this directory is ours
 *   DIR/journal/dyson.mv.db   the embedded H2 journal and snapshot store of every run
 *   DIR/&lt;run-id&gt;/             one directory per run: its lock, resolved scenario, reports
 * </pre>
 * A directory without the marker is never written to, so pointing {@code --data-dir} at the
 * wrong place changes nothing.
 */
public final class DataDirectory {

    static final String MARKER = ".dysonsim";
    private static final String MARKER_TEXT = "dysonsim data directory, layout 1\n";
    static final String DATABASE_NAME = "dyson";
    /** The resolved scenario in a run's directory, written before the run's first step. */
    public static final String SCENARIO = "scenario.conf";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * A data directory to write to: created with its marker if it does not exist or is empty.
     *
     * @throws JournalException if it exists, holds files and has no marker
     */
    public static DataDirectory createOrOpen(Path root) {
        DataDirectory dir = new DataDirectory(root);
        try {
            if (Files.isDirectory(dir.root) && Files.exists(dir.marker())) {
                return dir;
            }
            if (Files.exists(dir.root) && !Files.isDirectory(dir.root)) {
                throw new JournalException(dir.root + " is a file, not a data directory");
            }
            // a process creating the same directory at this moment writes its marker first of all
            if (Files.isDirectory(dir.root) && !isEmpty(dir.root) && !Files.exists(dir.marker())) {
                throw new JournalException(dir.root + " is not a dysonsim data directory (no " + MARKER
                        + " file) and is not empty; choose another --data-dir");
            }
            if (Files.exists(dir.marker())) return dir;
            Files.createDirectories(dir.root);
            Files.writeString(dir.marker(), MARKER_TEXT, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new JournalException("cannot create the data directory " + dir.root + ": " + e.getMessage(), e);
        }
    }

    /**
     * An existing data directory to read from.
     *
     * @throws JournalException if it does not exist or is not ours
     */
    public static DataDirectory openExisting(Path root) {
        DataDirectory dir = new DataDirectory(root);
        if (!Files.isDirectory(dir.root)) {
            throw new JournalException("no data directory at " + dir.root);
        }
        if (!Files.exists(dir.marker())) {
            throw new JournalException(dir.root + " is not a dysonsim data directory (no " + MARKER + " file)");
        }
        return dir;
    }

    public Path root() {
        return root;
    }

    /** The H2 database path without its {@code .mv.db} suffix, as H2 URLs name it. */
    public Path databaseBase() {
        return root.resolve("journal").resolve(DATABASE_NAME);
    }

    public Path databaseFile() {
        return root.resolve("journal").resolve(DATABASE_NAME + ".mv.db");
    }

    /**
     * Whether the embedded journal's file holds more than H2's two 4 KiB header blocks: a shorter
     * file was left by a process killed while creating it, and no record can be in it (records lie
     * in chunks after the headers), so readers treat it as not there yet.
     */
    public boolean journalStarted() {
        try {
            return Files.size(databaseFile()) >= 2 * 4096;
        } catch (IOException e) {
            return false; // no file (or none readable): nothing to read yet
        }
    }

    /** The run's own directory (lock, resolved scenario, reports); not created here. */
    public Path runDirectory(String runId) {
        PersistenceIds.check(runId);
        return root.resolve(runId);
    }

    /**
     * The ids of the runs with a directory here (one holding a resolved scenario or a lock), sorted;
     * a study's directory and the journal's are not runs.
     */
    public java.util.List<String> runDirectories() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(run -> Files.exists(run.resolve(SCENARIO)) || Files.exists(run.resolve(RunLock.FILE)))
                    .map(run -> run.getFileName().toString())
                    .filter(PersistenceIds::isValid)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new JournalException("cannot list the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private Path marker() {
        return root.resolve(MARKER);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Bytes of every regular file under {@code dir}; 0 if it does not exist. */
    static long sizeOf(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a file removed while walking
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
