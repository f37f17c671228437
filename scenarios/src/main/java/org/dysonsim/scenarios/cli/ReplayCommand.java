package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.report.predictions.Predictions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dyson replay RUN-ID [--compare NAME]...}: rebuilds the run from its journal alone and
 * rewrites its report (report.json, plots, report.html) with every analysis, plus the named
 * predictions; without {@code --compare} its report.json equals the live run's.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuild a recorded run's report from the journal, optionally with more predictions.")
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "a run id as printed by dyson list")
    String runId;

    @Option(names = "--compare", paramLabel = "NAME", description = "also compare with this prediction (repeatable)")
    List<String> compare = new ArrayList<>();

    @Mixin
    DataDirOption dataDir;

    @Mixin
    CheckOption check;

    @Mixin
    JournalOptions journal;

    /** Lists the prediction names at the end of {@code dyson replay --help} (they live in the report package). */
    static void listPredictions(CommandLine replay) {
        List<String> lines = new ArrayList<>();
        lines.add("Predictions for --compare:");
        Predictions.NAMES.forEach((name, what) -> lines.add("  " + name + ": " + what));
        replay.getCommandSpec().usageMessage().footerHeading("%n").footer(lines.toArray(new String[0]));
    }

    @Override
    public Integer call() throws IOException {
        for (String name : compare) {
            if (!Predictions.NAMES.containsKey(name)) {
                throw new BadInputException("--compare: unknown prediction \"" + name + "\", expected one of "
                        + String.join(", ", Predictions.NAMES.keySet()));
            }
        }
        DataDirectory directory = DataDirectory.openExisting(dataDir.path());
        return new StudyRunner(directory, directory.root(), journal,
                spec.commandLine().getOut(), spec.commandLine().getErr(), true, check)
                .replay(runId, compare);
    }
}
