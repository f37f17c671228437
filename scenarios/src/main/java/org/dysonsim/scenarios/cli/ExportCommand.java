package org.dysonsim.scenarios.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dysonsim.persistence.ExportFormat;
import org.dysonsim.persistence.ExportOptions;
import org.dysonsim.persistence.ExportSummary;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.MemberRange;
import org.dysonsim.persistence.TrajectoryExporter;
import org.dysonsim.scenarios.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyson export RUN-ID --format csv|npy --out FILE}: a recorded run for other tools (TrajectoryExporter). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a recorded run.",
                "csv: columns member,step,t,index,value (value: an eigenvalue λ; for a wishart run λ = s² of its recorded singular values).",
                "npy: FILE holds values (member x record x index, float64); FILE.times.npy and FILE.steps.npy"
                        + " (member x record) beside it, where a trailing .npy of FILE is replaced."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "a run id as printed by dyson list")
    String runId;

    @Option(names = "--format", required = true, paramLabel = "csv|npy", description = "csv or npy")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    Path out;

    @Option(names = "--force", description = "replace FILE (and for npy its .times/.steps files) if it exists")
    boolean force;

    @Option(names = "--members", paramLabel = "a-b", description = "only members a to b (inclusive), e.g. 0-9")
    String members;

    @Option(names = "--from-step", paramLabel = "S", defaultValue = "0", description = "only records of step S or later")
    long fromStep;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    JournalOptions journal;

    @Override
    public Integer call() {
        if (fromStep < 0) throw new BadInputException("--from-step must be >= 0, got " + fromStep);
        ExportFormat chosen = ExportFormat.parse(format);
        MemberRange range = members == null ? null : MemberRange.parse(members);
        journal.overrides(); // the options are checked before the journal is opened
        for (Path target : TrajectoryExporter.targets(out, chosen)) {
            if (DataDirectoryPaths.contains(dataDir.path(), target)) {
                throw new BadInputException("--out: " + target + " is inside the data directory " + dataDir.path()
                        + "; write exports elsewhere");
            }
        }
        ExportSummary summary;
        try (JournalSession session = JournalSession.openForReading(dataDir.path(), journal.overrides())) {
            // a wishart run records singular values s: its export holds the eigenvalues λ = s² of WᵀW
            boolean squared = StoredRun.recordsSingularValues(session.reader(), runId);
            summary = session.exporter().export(runId, new ExportOptions(chosen, range, fromStep, force, squared), out);
        }
        spec.commandLine().getOut().printf("wrote %s: %d values (%d members, up to %d records of %d)%n",
                summary.files().get(0), summary.values(), summary.members(), summary.records(), summary.n());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
