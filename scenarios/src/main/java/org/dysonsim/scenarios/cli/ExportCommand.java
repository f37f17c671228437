package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.ExportFormat;
import org.dysonsim.persistence.ExportOptions;
import org.dysonsim.persistence.ExportSummary;
import org.dysonsim.persistence.GradientExportOptions;
import org.dysonsim.persistence.GradientExporter;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.persistence.MemberRange;
import org.dysonsim.persistence.StudyExporter;
import org.dysonsim.persistence.TrajectoryExporter;
import org.dysonsim.physics.gas.NetworkModel;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.ScenarioDifferences;
import org.dysonsim.scenarios.StoredRun;
import org.dysonsim.scenarios.config.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dyson export RUN-ID|STUDY-ID --format csv|npy --out FILE [--what spectra|gradients]}: a
 * recorded run, or every run of a study, for other tools (TrajectoryExporter, GradientExporter,
 * StudyExporter).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a recorded run, or every run of a study (a sweep's id): csv, one file led by the run id and swept"
                        + " values; npy, FILE is a directory of each run's files (RUN-ID.npy, ...) and index.csv (run_id, swept values, file).",
                "--what spectra (default), csv: columns member,step,t,index,value (value: an eigenvalue λ; for a wishart run λ = s²"
                        + " of its recorded singular values).",
                "npy: FILE holds values (member x record x index, float64); FILE.times.npy and FILE.steps.npy"
                        + " (member x record) beside it, where a trailing .npy of FILE is replaced.",
                "--what gradients (matrix, network and imported runs), csv: columns " + GradientExporter.HEADER + ".",
                "npy: FILE holds the singular values (member x record x k); FILE.projections.npy, FILE.projection_variances.npy"
                        + " (same shape), FILE.loss.npy, FILE.noise_variance.npy, FILE.times.npy, FILE.steps.npy (member x record)"
                        + " and FILE.layers.npy (k) beside it."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN-ID", description = "a run id as printed by dyson list, or a study's id (the runs' common prefix)")
    String runId;

    @Option(names = "--format", required = true, paramLabel = "csv|npy", description = "csv or npy")
    String format;

    @Option(names = "--what", paramLabel = "spectra|gradients", defaultValue = "spectra",
            description = "the eigenvalue trajectories (default) or the gradient records")
    String what;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    Path out;

    @Option(names = "--force", description = "replace FILE (and for npy the files beside it) if it exists")
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
        if (!what.equals("spectra") && !what.equals("gradients")) {
            throw new BadInputException("--what: expected spectra or gradients, got \"" + what + "\"");
        }
        boolean gradients = what.equals("gradients");
        MemberRange range = members == null ? null : MemberRange.parse(members);
        journal.overrides(); // the options are checked before the journal is opened
        List<Path> targets = gradients ? GradientExporter.targets(out, chosen) : TrajectoryExporter.targets(out, chosen);
        for (Path target : targets) {
            if (DataDirectoryPaths.contains(dataDir.path(), target)) {
                throw new BadInputException("--out: " + target + " is inside the data directory " + dataDir.path()
                        + "; write exports elsewhere");
            }
        }
        boolean runDirectory = Files.isRegularFile(dataDir.path().resolve(runId).resolve(RunDirectory.SCENARIO));
        ExportSummary summary;
        try (JournalSession session = JournalSession.openForReading(dataDir.path(), journal.overrides())) {
            List<String> study = runDirectory ? List.of() : StudyExporter.runsOf(session.reader().runIds(), runId);
            if (!study.isEmpty()) return exportStudy(session, study, chosen, range, gradients);
            if (gradients) {
                int[] counts = layerCounts(session, runId);
                summary = new GradientExporter(session.reader()).export(runId,
                        new GradientExportOptions(chosen, range, fromStep, force, counts), out);
            } else {
                // a wishart run records singular values s: its export holds the eigenvalues λ = s² of WᵀW
                boolean squared = StoredRun.recordsSingularValues(session.reader(), runId);
                summary = session.exporter().export(runId, new ExportOptions(chosen, range, fromStep, force, squared), out);
            }
        }
        spec.commandLine().getOut().printf("wrote %s: %d values (%d members, up to %d records of %d)%n",
                summary.files().get(0), summary.values(), summary.members(), summary.records(), summary.n());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private int exportStudy(JournalSession session, List<String> runIds, ExportFormat chosen, MemberRange range, boolean gradients) {
        if (range != null || fromStep != 0) throw new BadInputException("--members and --from-step apply to one run, not to a study");
        StudyExporter exporter = new StudyExporter(session.reader());
        List<Config> scenarios = new ArrayList<>();
        for (String id : runIds) {
            String text = exporter.recordedScenario(id).orElse("");
            try {
                scenarios.add(ConfigFactory.parseString(text).resolve());
            } catch (ConfigException e) {
                scenarios.add(ConfigFactory.empty());
            }
        }
        // the keys the runs differ in: the swept ones, and each point's own seed
        List<String> keys = List.copyOf(ScenarioDifferences.keys(scenarios));
        List<StudyExporter.StudyRun> runs = new ArrayList<>();
        for (int r = 0; r < runIds.size(); r++) {
            Config scenario = scenarios.get(r);
            List<String> values = keys.stream().map(key -> ScenarioDifferences.value(scenario, key)).toList();
            String id = runIds.get(r);
            runs.add(new StudyExporter.StudyRun(id, values, !gradients && StoredRun.recordsSingularValues(session.reader(), id),
                    gradients ? layerCounts(session, id) : null));
        }
        String swept = keys.isEmpty() ? "nothing" : String.join(", ", keys);
        if (chosen == ExportFormat.NPY) {
            exportStudyNpy(session, exporter, runs, keys, gradients);
            spec.commandLine().getOut().printf("wrote %s: %d runs as npy, index.csv (swept: %s)%n", out, runIds.size(), swept);
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        ExportSummary summary = exporter.export(runs, keys, gradients, force, out);
        spec.commandLine().getOut().printf("wrote %s: %d values (%d runs, %d members; swept: %s)%n", out, summary.values(),
                runIds.size(), summary.members(), swept);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /**
     * A study as NPY: the directory {@code out} gets each run's files under its run id
     * ({@code <run-id>.npy} and the files beside it, as one run's export) and {@code index.csv}
     * (run id, swept values, file). Every file is checked before the first is written.
     */
    private void exportStudyNpy(JournalSession session, StudyExporter exporter, List<StudyExporter.StudyRun> runs, List<String> keys,
                                boolean gradients) {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new BadInputException("--out: " + out + " is a file; a study's npy export is a directory");
        List<String> files = runs.stream().map(r -> r.runId() + ".npy").toList();
        List<Path> all = new ArrayList<>(List.of(out.resolve(INDEX)));
        for (String file : files) {
            all.addAll(gradients ? GradientExporter.targets(out.resolve(file), ExportFormat.NPY) : TrajectoryExporter.targets(out.resolve(file), ExportFormat.NPY));
        }
        for (Path target : all) {
            if (!force && Files.exists(target)) throw new BadInputException(target + " exists; add --force to replace it");
        }
        for (int r = 0; r < runs.size(); r++) {
            StudyExporter.StudyRun run = runs.get(r);
            Path file = out.resolve(files.get(r));
            if (gradients) {
                new GradientExporter(session.reader()).export(run.runId(),
                        new GradientExportOptions(ExportFormat.NPY, null, 0, force, run.layerCounts()), file);
            } else {
                session.exporter().export(run.runId(), new ExportOptions(ExportFormat.NPY, null, 0, force, run.squared()), file);
            }
        }
        exporter.writeIndex(runs, keys, files, force, out.resolve(INDEX));
    }

    /** The index of a study exported as NPY, in its directory. */
    private static final String INDEX = "index.csv";

    /**
     * How many singular values each layer of a layered run adds to a gradient record: a network's
     * top k of each layer, an imported run's top 4 (at most the layer's smaller side); null for a
     * run of one matrix, or when its scenario no longer reads.
     */
    private static int[] layerCounts(JournalSession session, String runId) {
        RunSpec run;
        try {
            run = StoredRun.read(session.reader(), runId);
        } catch (ScenarioException e) {
            return null;
        }
        LayerLayout layout = run.layers();
        if (layout == null) return null;
        int k = run.model() instanceof NetworkModel network ? network.topK() : IMPORTED_TOP_K;
        return layout.layers().stream().mapToInt(l -> Math.min(k, Math.min(l.rows(), l.cols()))).toArray();
    }

    /** The singular values per layer an imported run records (importing/LayeredRecord). */
    private static final int IMPORTED_TOP_K = 4;
}
