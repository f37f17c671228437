package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.RunLock;
import org.dysonsim.scenarios.ErrorControl;
import org.dysonsim.scenarios.StudyPlan;
import org.dysonsim.scenarios.config.TerminalText;
import org.dysonsim.scenarios.report.RunReport;
import org.dysonsim.scenarios.report.ScalingStudy;
import org.dysonsim.scenarios.run.RunEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyson run SCENARIO}: validates every run of the scenario's sweep, then runs them one after the other. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario (each combination of its sweep as a separate run) and write its report.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file, e.g. scenarios/quickstart.conf")
    Path scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario key (value in HOCON syntax)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "same as --set seed=N")
    Long seed;

    @Option(names = "--quiet", description = "no progress output on stderr")
    boolean quiet;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    JournalOptions journal;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws IOException {
        journal.overrides(); // options are checked before the data directory is created
        cluster.check();
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) overrides.add("seed=" + seed);
        Path data = dataDir.path();
        StudyPlan plan = StudyPlan.prepare(scenario, overrides, data, Instant.now());

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = Main.OK;
        DataDirectory directory = DataDirectory.createOrOpen(data);
        plan = claim(plan, directory, overrides);
        List<RunResult> results = new ArrayList<>();
        // A cluster runs the members; the few h/2 companion members of error control run here,
        // into the same journal (they are not sharded entities).
        RunEngine local = null;
        try (RunEngine engine = cluster.chosen() ? cluster.join(quiet ? null : err)
                : Engines.create(directory, journal.overrides())) {
            for (RunSpec run : plan.runs()) {
                Path dir = data.resolve(run.runId());
                if (!run.runId().equals(plan.runs().get(0).runId())) Files.createDirectory(directory.runDirectory(run.runId()));
                RunResult result;
                RunResult fine;
                try (RunLock lock = RunLock.acquire(directory, run.runId(), journal.resolved(directory))) {
                    Files.writeString(dir.resolve(RunReport.SCENARIO), run.scenarioText());
                    Progress progress = Progress.choose(err, quiet, run);
                    result = engine.run(run, progress);
                    progress.finished(result);
                    RunEngine companions = engine;
                    if (cluster.chosen() && ErrorControl.companion(run).isPresent()) {
                        if (local == null) local = Engines.create(directory, journal.overrides());
                        companions = local;
                    }
                    fine = runCompanion(companions, result, err, quiet, false);
                }
                // what the report says must be what the journal holds: it reads back, every checksum matching
                if (result.succeeded()) result = readBack(data, result);
                results.add(result);
                Path report = RunReport.write(dir, result, fine, plan.studyId(), List.of());
                out.println("report: " + report);
                out.flush();
                if (!result.succeeded()) {
                    err.println("dyson: " + run.runId() + ": " + TerminalText.oneLine(String.valueOf(result.failure())));
                    err.flush();
                    exit = Main.FAILED;
                }
            }
        } finally {
            if (local != null) local.close();
            // a study that never began (the journal or the cluster could not be reached) leaves no empty run directory
            Path first = directory.runDirectory(plan.runs().get(0).runId());
            if (!Files.exists(first.resolve(RunReport.SCENARIO))) {
                try {
                    Files.deleteIfExists(first);
                } catch (IOException notEmpty) {
                    // something else was written there: leave it
                }
            }
        }
        if (results.size() > 1) {
            Optional<Path> study = ScalingStudy.write(data.resolve(plan.studyId()), plan.studyId(), results);
            if (study.isPresent()) out.println("study: " + study.get());
        }
        return exit;
    }

    /** {@code result}, or a failure if the journal does not hold every member to its end. */
    private RunResult readBack(Path data, RunResult result) {
        String runId = result.spec().runId();
        var back = JournalSession.verifyRun(data, journal.overrides(), runId);
        if (back.completed() >= result.members().size()) return result;
        return new RunResult(result.spec(), result.members(), "only " + back.completed() + " of "
                + result.members().size() + " members were recorded to their end; `dyson resume " + runId
                + "` finishes the others");
    }

    /**
     * Runs (or continues) the h/2 companion of a completed run, when its error control asks for
     * one ({@link ErrorControl}); null otherwise.
     */
    static RunResult runCompanion(RunEngine engine, RunResult run, PrintWriter err, boolean quiet, boolean resume) {
        if (!run.succeeded()) return null;
        Optional<RunSpec> companion = ErrorControl.companion(run.spec());
        if (companion.isEmpty()) return null;
        Progress progress = Progress.choose(err, quiet, companion.get());
        RunResult fine = engine.runFine(companion.get(), progress, resume);
        progress.finished(fine);
        return fine;
    }

    /**
     * Creates the directory of the plan's first run, which reserves the study's id (ids are taken
     * by prefix). Another process that started the same scenario in the same second may have
     * taken the id first: the plan is then made again, with the next free id.
     */
    private StudyPlan claim(StudyPlan plan, DataDirectory directory, List<String> overrides) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectory(directory.runDirectory(plan.runs().get(0).runId()));
                return plan;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 20) throw e;
                plan = StudyPlan.prepare(scenario, overrides, dataDir.path(), Instant.now());
            }
        }
    }
}
