package org.dysonsim.scenarios.importing;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.RunLock;
import org.dysonsim.scenarios.RunNaming;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * {@code dyson import}: reads a researcher's run through completely to check it (shapes, NaN,
 * Inf, truncation) before anything is written, then claims a run id, records every member's
 * records through the journal and reads the run back, every checksum matching.
 */
public final class RunImport {
    /** The file the resolved scenario of a run is kept in, in its run directory. */
    private static final String SCENARIO = DataDirectory.SCENARIO;
    private static final long PROGRESS_MILLIS = 2000;

    private final PrintWriter err;
    private long lastShown = System.currentTimeMillis();

    /**
     * @param err where progress goes (stderr), null for none; a line every two seconds, so a small
     *            file prints none and a refusal stays the one line on stderr
     */
    public RunImport(PrintWriter err) {
        this.err = err;
    }

    /**
     * Checks the whole of {@code history}, reading every matrix once.
     *
     * @throws ScenarioException naming the file and array of the first problem
     */
    public void check(TrainingHistory history) throws IOException {
        long total = (long) history.members() * history.steps().length;
        long[] done = {0};
        history.check(() -> show("checked", ++done[0], total));
    }

    /**
     * Records a checked {@code history} as a new run of {@code dir} named after {@code name}.
     *
     * @param journal     the journal overrides (dysonsim.journal.*)
     * @param lockJournal the resolved journal configuration the run's lock uses
     * @return the new run's id
     */
    public String record(TrainingHistory history, String name, DataDirectory dir, Config journal, Config lockJournal)
            throws IOException {
        String scenario = ImportedRunSpec.scenarioText(history, name);
        String runId = claim(dir, name, scenario);
        long total = (long) history.members() * history.steps().length;
        try (ImportRecording recording = ImportRecording.open(dir, journal);
             RunLock lock = RunLock.acquire(dir, runId, lockJournal)) {
            ImportRecording.Member[] current = new ImportRecording.Member[1];
            long[] done = {0};
            int n = history.layout().eigenvalues();
            try {
                history.record((member, record, snapshot, gradient, distances) -> {
                    if (record == 0) {
                        if (current[0] != null) current[0].close();
                        current[0] = recording.new Member(runId, member, scenario, n);
                    }
                    current[0].record(snapshot, gradient, distances);
                    show("recorded", ++done[0], total);
                });
            } finally {
                if (current[0] != null) current[0].close();
            }
            var back = JournalSession.verifyRun(dir.root(), journal, runId);
            if (back.completed() < history.members()) {
                throw new IOException("only " + back.completed() + " of " + history.members() + " members of " + runId
                        + " read back from the journal");
            }
            lock.finished();
        }
        return runId;
    }

    /** Creates the run's directory with its scenario, under the next free id. */
    private static String claim(DataDirectory dir, String name, String scenario) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String runId = RunNaming.study(dir.root(), name, Instant.now());
            Path runDir = dir.runDirectory(runId);
            try {
                Files.createDirectory(runDir);
                Files.writeString(runDir.resolve(SCENARIO), scenario);
                return runId;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 20) throw e;
            }
        }
    }

    private void show(String what, long done, long total) {
        if (err == null) return;
        long now = System.currentTimeMillis();
        if (now - lastShown < PROGRESS_MILLIS) return;
        lastShown = now;
        err.printf("import: %s %d of %d records%n", what, done, total);
        err.flush();
    }
}
