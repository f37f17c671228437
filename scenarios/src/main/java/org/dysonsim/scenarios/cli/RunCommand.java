package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.StudyPlan;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.report.Predictions;
import org.dysonsim.scenarios.report.ReportSettings;
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
    JournalOptions journal;

    @Mixin
    ClusterOption cluster;

    @Override
    public Integer call() throws IOException {
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) overrides.add("seed=" + seed);
        Path data = dataDir.path();
        StudyPlan plan = StudyPlan.prepare(scenario, overrides, data, Instant.now());
        for (RunSpec run : plan.runs()) {
            String unknown = ReportSettings.unknownPrediction(run);
            if (unknown != null) {
                throw new ScenarioException(scenario.toString(), ReportSettings.PREDICTIONS, "unknown prediction \"" + unknown
                        + "\", expected one of " + String.join(", ", Predictions.NAMES.keySet()));
            }
        }

        DataDirectory directory = DataDirectory.createOrOpen(data);
        StudyRunner runner = new StudyRunner(directory, data, journal,
                spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
        return runner.run(plan, () -> StudyPlan.prepare(scenario, overrides, data, Instant.now()), cluster);
    }
}
