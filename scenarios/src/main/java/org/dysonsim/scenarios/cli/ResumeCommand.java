package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.dysonsim.persistence.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dyson resume RUN-ID}: continues an interrupted run (a killed process, a crash) from each
 * member's last recorded snapshot, then writes the report of the whole trajectory from the
 * journal ({@link StudyRunner}). The counter-based noise makes the result bit-identical to an
 * uninterrupted run.
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
    CheckOption check;

    @Mixin
    JournalOptions journal;

    @Override
    public Integer call() throws IOException {
        DataDirectory directory = DataDirectory.openExisting(dataDir.path());
        return new StudyRunner(directory, directory.root(), journal,
                spec.commandLine().getOut(), spec.commandLine().getErr(), quiet, check)
                .resume(runId);
    }
}
