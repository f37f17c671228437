package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.StudyPlan;
import org.dysonsim.scenarios.serve.RunServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dyson run SCENARIO}: validates every run of the scenario's sweep, then runs them one after
 * the other ({@link StudyRunner}).
 */
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
    CheckOption check;

    @Mixin
    JournalOptions journal;

    @Mixin
    ClusterOption cluster;

    @Mixin
    ServeOption serve;

    @Override
    public Integer call() throws IOException {
        journal.overrides(); // options are checked before the data directory is created
        cluster.check();
        serve.check();
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) overrides.add("seed=" + seed);
        Path data = dataDir.path();
        StudyPlan plan = StudyPlan.prepare(scenario, overrides, data, Instant.now());

        DataDirectory directory = DataDirectory.createOrOpen(data);
        PrintWriter err = spec.commandLine().getErr();
        StudyRunner runner = new StudyRunner(directory, data, journal, spec.commandLine().getOut(), err, quiet, check);
        try (RunServer server = serve.start(data, journal.overrides())) {
            if (server != null) {
                err.println("serving " + data + " at " + server.url() + " until the run ends");
                runner.onRunStart(runId -> {
                    err.println("live: " + server.url() + "runs/" + runId + "/live");
                    err.flush();
                });
            }
            return runner.run(plan, () -> StudyPlan.prepare(scenario, overrides, data, Instant.now()), cluster);
        }
    }
}
