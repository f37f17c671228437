// Just over 300 lines: run, resume and replay each open the journal session their report reads
// its members from, beside the shared flow; the flow and the report reading stay in one place.
package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.RunLock;
import org.dysonsim.persistence.TrajectoryReader;
import org.dysonsim.scenarios.ErrorControl;
import org.dysonsim.scenarios.JournalRun;
import org.dysonsim.scenarios.StoredRun;
import org.dysonsim.scenarios.StudyPlan;
import org.dysonsim.scenarios.config.MemoryEstimate;
import org.dysonsim.scenarios.config.TerminalText;
import org.dysonsim.scenarios.importing.LayerSpectraReport;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.rendering.RunReport;
import org.dysonsim.scenarios.report.rendering.StudyReport;
import org.dysonsim.scenarios.run.RunEngine;

/**
 * The flow that {@code run}, {@code resume} and {@code replay} share: claim the run's directory,
 * take its lock, run or continue its members and its error-control companion, write its report,
 * and after a sweep its study. The lock is held until the report is written, and only then is the
 * run marked finished in the journal: a process killed at any point before leaves it interrupted,
 * and no second process writes the same report at the same time.
 */
final class StudyRunner {
    private final DataDirectory directory;
    /** The data directory as the user named it, for the paths printed. */
    private final Path shown;
    private final JournalOptions journal;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final CheckOption check;
    private Consumer<String> runStarting = runId -> {};

    StudyRunner(DataDirectory directory, Path shown, JournalOptions journal, PrintWriter out, PrintWriter err,
                boolean quiet, CheckOption check) {
        this.directory = directory;
        this.shown = shown;
        this.journal = journal;
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.check = check;
    }

    /** Calls {@code starting} with each run's id as the run starts (after its journal is open). */
    void onRunStart(Consumer<String> starting) {
        runStarting = starting;
    }

    /**
     * Runs every run of {@code plan} one after the other, then writes the study of a sweep.
     * {@code replan} makes the plan again (a new study id) when another process took its id first.
     */
    int run(StudyPlan plan, Supplier<StudyPlan> replan, ClusterOption cluster) throws IOException {
        StudyPlan claimed = claim(plan, replan);
        List<RunResult> results = new ArrayList<>();
        int exit = Main.OK;
        boolean began = false;
        // A cluster runs the members; the few h/2 companion members of error control run here,
        // into the same journal (they are not sharded entities).
        CompanionEngine companions = new CompanionEngine(cluster.chosen());
        try (RunEngine engine = cluster.chosen() ? cluster.join(directory, journal.overrides(), quiet ? null : err)
                : Engines.create(directory, journal.overrides())) {
            began = true;
            for (RunSpec run : claimed.runs()) {
                if (run != claimed.runs().get(0)) writeScenario(run);
                runStarting.accept(run.runId());
                exit = CheckOption.worse(exit, locked(run.runId(), false, lock -> {
                    RunResult simulated = simulate(engine, run, false);
                    // what the report says must be what the journal holds: it reads back, every checksum
                    // matching, and the report reads its members from there, one at a time
                    try (JournalSession session = JournalSession.openAsRecorder(directory.root(), journal.overrides())) {
                        RunResult result = readBack(session, simulated);
                        RunResult fine = runCompanion(companions.forRun(engine, run), result, false);
                        results.add(new RunResult(result.spec(), List.of(), result.failure())); // the study reads the members back
                        return report(run.runId(), JournalRun.reported(session, result, run.runId(), false),
                                fine == null ? null : JournalRun.reported(session, fine, run.runId(), true), claimed.studyId(), List.of());
                    }
                }));
            }
        } finally {
            companions.close();
            if (!began) forget(claimed.runs().get(0).runId());
        }
        if (results.size() > 1) {
            try (JournalSession session = JournalSession.openAsRecorder(directory.root(), journal.overrides())) {
                StudyReport.Written study = StudyReport.write(shown.resolve(claimed.studyId()), claimed.studyId(), results.stream()
                        .map(r -> JournalRun.reported(session, r, r.spec().runId(), false)).toList());
                study.json().ifPresent(json -> out.println("study: " + json));
                study.notAnalysed().ifPresent(reason -> out.println("scaling study: not analysed: " + reason));
                out.println("study page: " + StudyReport.page(shown.resolve(claimed.studyId())));
            }
        }
        return exit;
    }

    /** Continues an interrupted run from each member's last snapshot and rewrites its report from the whole journal. */
    int resume(String runId) throws IOException {
        Path dir = directory.runDirectory(runId);
        if (!Files.isRegularFile(dir.resolve(RunDirectory.SCENARIO))) {
            throw new BadInputException("no run " + runId + " in " + directory.root() + " (see dyson list)");
        }
        if (RunLock.isHeld(directory, runId, journal.resolved(directory))) {
            throw new BadInputException(runId + " is still running (its lock is held by a live process)");
        }
        RunSpec run = StoredRun.forContinuing(directory.root(), journal.overrides(), runId, dir.resolve(RunDirectory.SCENARIO));
        if (run.model() == null) {
            throw new BadInputException(runId + " is an imported run: there is nothing to simulate, so nothing to resume"
                    + " (replay or export it)");
        }
        refuseReportBeyondHeap(run);
        return locked(runId, false, lock -> {
            RunResult resumed;
            try (RunEngine engine = Engines.create(directory, journal.overrides())) {
                resumed = simulate(engine, run, true);
                runCompanion(engine, resumed, true);
            }
            // The report covers the whole trajectory, earlier snapshots included: read it back.
            try (JournalSession session = JournalSession.openAsRecorder(directory.root(), journal.overrides())) {
                RecordedRun whole = JournalRun.recorded(session.reader(), runId);
                if (!resumed.succeeded() && whole.succeeded()) whole = new RecordedRun(whole.spec(), resumed.failure(), whole.members());
                return report(runId, whole, JournalRun.recordedFine(session.reader(), whole.spec()).orElse(null),
                        JournalRun.study(runId), List.of());
            }
        });
    }

    /**
     * Rewrites a recorded run's report from the journal alone, with the {@code compare} predictions
     * added. A run that was unfinished stays so: its report is rewritten, not completed.
     */
    int replay(String runId, List<String> compare) throws IOException {
        if (RunLock.isHeld(directory, runId, journal.resolved(directory))) {
            throw new BadInputException(runId + " is still running (its lock is held); replay it when it has finished");
        }
        // an unknown run id is refused before anything is locked or written (the lock writes to the journal)
        try (JournalSession session = JournalSession.openForReading(directory.root(), journal.overrides())) {
            refuseReportBeyondHeap(JournalRun.spec(session.reader(), runId));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        return locked(runId, true, lock -> {
            try (JournalSession session = JournalSession.openAsRecorder(directory.root(), journal.overrides())) {
                RecordedRun run = JournalRun.recorded(session.reader(), runId);
                return check.exit(writeReport(runId, run, JournalRun.recordedFine(session.reader(), run.spec()).orElse(null),
                        JournalRun.study(runId), compare));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--compare: " + e.getMessage());
            }
        });
    }

    /** A report this JVM cannot hold is refused before anything is done, as {@code run} refuses its scenario. */
    private static void refuseReportBeyondHeap(RunSpec run) {
        if (run.model() == null) return; // imported weight matrices: a report of their own
        String refusal = MemoryEstimate.reportRefusal(run.steps(), run.recordEvery(), run.n(), Runtime.getRuntime().maxMemory());
        if (refusal != null) throw new BadInputException(run.runId() + ": " + refusal);
    }

    /**
     * Runs (or continues) the h/2 companion of a completed run, when its error control asks for
     * one ({@link ErrorControl}); null otherwise.
     */
    RunResult runCompanion(RunEngine engine, RunResult run, boolean resume) {
        if (!run.succeeded()) return null;
        Optional<RunSpec> companion = ErrorControl.companion(run.spec());
        if (companion.isEmpty()) return null;
        Progress progress = Progress.choose(err, quiet, companion.get());
        RunResult fine = engine.runFine(companion.get(), progress, resume);
        progress.finished(fine);
        return fine;
    }

    /** Work done while the run's lock is held. */
    @FunctionalInterface
    private interface LockedWork {
        int apply(RunLock lock) throws IOException;
    }

    /**
     * Does {@code work} holding the run's lock, then marks the run finished, unless
     * {@code keepUnfinished} and the run was unfinished when the lock was taken. A failure or an
     * interruption inside leaves the run unfinished.
     */
    private int locked(String runId, boolean keepUnfinished, LockedWork work) throws IOException {
        try (RunLock lock = RunLock.acquire(directory, runId, journal.resolved(directory))) {
            Interruption.during(keepUnfinished
                    ? "replay of " + runId + " interrupted; write its report again with: " + command("replay", runId)
                    : "run " + runId + " interrupted; continue it with: " + command("resume", runId));
            try {
                int exit = work.apply(lock);
                if (!(keepUnfinished && lock.wasUnfinished())) {
                    try {
                        lock.finished();
                    } catch (JournalException e) {
                        err.println("dyson: " + runId + ": the report is written, but " + e.getMessage()
                                + "; it stays listed interrupted until " + command("resume", runId) + " finishes it");
                        err.flush();
                        return Main.FAILED;
                    }
                }
                return exit;
            } finally {
                Interruption.idle();
            }
        }
    }

    private RunResult simulate(RunEngine engine, RunSpec run, boolean resume) {
        Progress progress = Progress.choose(err, quiet, run);
        RunResult result = resume ? engine.resume(run, progress) : engine.run(run, progress);
        progress.finished(result);
        return result;
    }

    /** {@code result}, or a failure if the journal does not hold every member to its end. */
    private RunResult readBack(JournalSession session, RunResult result) {
        if (!result.succeeded()) return result;
        String runId = result.spec().runId();
        TrajectoryReader.ReadBack back = session.verify(runId);
        if (back.completed() >= result.members().size()) return result;
        return new RunResult(result.spec(), result.members(), "only " + back.completed() + " of "
                + result.members().size() + " members were recorded to their end; `" + command("resume", runId)
                + "` finishes the others");
    }

    /** Writes the report, prints where it is and its verdicts, and for a failed run its diagnostic: the exit code. */
    private int report(String runId, RecordedRun result, RecordedRun fine, String study, List<String> compare)
            throws IOException {
        RunVerdict verdict = writeReport(runId, result, fine, study, compare);
        if (result.succeeded()) return check.exit(verdict);
        err.println("dyson: " + runId + ": " + TerminalText.oneLine(String.valueOf(result.failure())));
        err.flush();
        return Main.FAILED;
    }

    private RunVerdict writeReport(String runId, RecordedRun result, RecordedRun fine, String study, List<String> compare)
            throws IOException {
        Path runDir = shown.resolve(directory.runDirectory(runId).getFileName());
        // on a terminal the report's phase is shown in place of the progress bar, then cleared
        boolean onTerminal = !quiet && System.console() != null;
        if (onTerminal) {
            err.print("\r" + runId + ": writing the report…");
            err.flush();
        }
        Path report;
        long start = System.nanoTime();
        try {
            report = result.spec().model() == null ? LayerSpectraReport.write(runDir, result)
                    : RunReport.write(runDir, result, fine, study, compare);
        } finally {
            if (onTerminal) {
                err.print("\r\033[K");
                err.flush();
            }
        }
        if (!quiet) {
            err.println(String.format(Locale.ROOT, "%s: report written in %.1f s", runId, (System.nanoTime() - start) / 1e9));
            err.flush();
        }
        return RunVerdict.printed(report, runId, out);
    }

    /** {@code dyson SUBCOMMAND RUN-ID} on this data directory, with the journal options this command was given. */
    private String command(String subcommand, String runId) {
        StringBuilder command = new StringBuilder("dyson " + subcommand + " " + runId + " --data-dir " + directory.root());
        if (journal.kind != null) command.append(" --journal ").append(journal.kind);
        if (journal.url != null) command.append(" --jdbc-url ").append(journal.url);
        if (journal.user != null) command.append(" --jdbc-user ").append(journal.user);
        if (journal.passwordFile != null) command.append(" --jdbc-password-file ").append(journal.passwordFile);
        return command.toString();
    }

    /**
     * Creates the directory of the plan's first run with its resolved scenario, which reserves the
     * study's id (ids are taken by prefix) and lists the run from its first second. Another process
     * that started the same scenario in the same second may have taken the id first: the plan is
     * then made again, with the next free id.
     */
    private StudyPlan claim(StudyPlan plan, Supplier<StudyPlan> replan) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                writeScenario(plan.runs().get(0));
                return plan;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 20) throw e;
                plan = replan.get();
            }
        }
    }

    private void writeScenario(RunSpec run) throws IOException {
        Path dir = directory.runDirectory(run.runId());
        Files.createDirectory(dir);
        Files.writeString(dir.resolve(RunDirectory.SCENARIO), run.scenarioText());
    }

    /** A study that never began (the journal or the cluster could not be reached) leaves no run directory. */
    private void forget(String runId) {
        Path first = directory.runDirectory(runId);
        try {
            Files.deleteIfExists(first.resolve(RunDirectory.SCENARIO));
            Files.deleteIfExists(first);
        } catch (IOException notEmpty) {
            // something else was written there: leave it
        }
    }

    /** The engine of the companions: the study's own, or on a cluster a local one made on first need. */
    private final class CompanionEngine implements AutoCloseable {
        private final boolean clustered;
        private RunEngine local;

        CompanionEngine(boolean clustered) {
            this.clustered = clustered;
        }

        RunEngine forRun(RunEngine study, RunSpec run) {
            if (!clustered || ErrorControl.companion(run).isEmpty()) return study;
            if (local == null) local = Engines.create(directory, journal.overrides());
            return local;
        }

        @Override
        public void close() {
            if (local != null) local.close();
        }
    }
}
