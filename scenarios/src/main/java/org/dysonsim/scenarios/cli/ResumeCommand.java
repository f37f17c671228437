package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.RunLock;
import org.dysonsim.scenarios.JournalRun;
import org.dysonsim.scenarios.StoredRun;
import org.dysonsim.scenarios.config.TerminalText;
import org.dysonsim.scenarios.report.RunReport;
import org.dysonsim.scenarios.run.RunEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dyson resume RUN-ID}: continues an interrupted run (a killed process, a crash) from each
 * member's last recorded snapshot, then writes the report of the whole trajectory from the
 * journal. The counter-based noise makes the result bit-identical to an uninterrupted run.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted run from its last snapshot and rewrite its report.")
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "a run id as printed by dyson list")
    String runId;

    @Option(names = "--quiet", description = "no progress output on stderr")
    boolean quiet;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    JournalOptions journal;

    @Override
    public Integer call() throws IOException {
        DataDirectory directory = DataDirectory.openExisting(dataDir.path());
        Path dir = directory.runDirectory(runId);
        if (!Files.isRegularFile(dir.resolve(RunReport.SCENARIO))) {
            throw new BadInputException("no run " + runId + " in " + dataDir.path() + " (see dyson list)");
        }
        if (RunLock.isHeld(directory, runId, journal.resolved(directory))) {
            throw new BadInputException(runId + " is still running (its lock is held by a live process)");
        }
        RunSpec run = StoredRun.read(dataDir.path(), journal.overrides(), runId);
        // a corrupted snapshot is found before any member continues from it
        JournalSession.verifyRun(dataDir.path(), journal.overrides(), runId);
        PrintWriter err = spec.commandLine().getErr();
        RunResult resumed;
        try (RunEngine engine = Engines.create(directory, journal.overrides());
             RunLock lock = RunLock.acquire(directory, runId, journal.resolved(directory))) {
            Progress progress = Progress.choose(err, quiet, run);
            resumed = engine.resume(run, progress);
            progress.finished(resumed);
            RunCommand.runCompanion(engine, resumed, err, quiet, true);
        }
        // The report covers the whole trajectory, earlier snapshots included: read it back.
        RunResult whole;
        RunResult fine;
        try (JournalSession session = JournalSession.openForReading(dataDir.path(), journal.overrides())) {
            whole = JournalRun.read(session.reader(), runId);
            fine = JournalRun.readFine(session.reader(), whole.spec()).orElse(null);
        }
        if (!resumed.succeeded() && whole.succeeded()) {
            whole = new RunResult(whole.spec(), whole.members(), resumed.failure());
        }
        Path report = RunReport.write(dir, whole, fine, JournalRun.study(runId), java.util.List.of());
        spec.commandLine().getOut().println("report: " + report);
        spec.commandLine().getOut().flush();
        if (!whole.succeeded()) {
            err.println("dyson: " + runId + ": " + TerminalText.oneLine(String.valueOf(whole.failure())));
            err.flush();
            return Main.FAILED;
        }
        return Main.OK;
    }
}
