package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.config.ScenarioException;
import org.dysonsim.scenarios.importing.RunImport;
import org.dysonsim.scenarios.importing.WeightFiles;
import org.dysonsim.scenarios.importing.TrainingHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dyson import PATH [--name NAME]}: a researcher's saved weights become a run
 * ({@code model = imported}) that list, export and replay read as any other. The whole input is
 * checked before anything is written: a bad file is one line naming it and the array, exit code 2.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a training run saved with NumPy as a run: its spectra per record and layer.",
                "PATH: an .npz (per weight matrix an array records x rows x cols, optional step, loss, lr,"
                        + " batch_size, grad_<matrix>), the Aarts-Park-Lucini .npz (W, grad: seeds x snapshots x M x N),"
                        + " a single .npy, or a directory of checkpoints such as fc1_100.npy or ckpt_200.npz."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "the file or directory to import")
    Path path;

    @Option(names = "--name", paramLabel = "NAME", description = "the run's name, the prefix of its id (default: the file's name)")
    String name;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    JournalOptions journal;

    @Override
    public Integer call() throws IOException {
        journal.overrides(); // the options are checked before anything is read
        RunImport importer = new RunImport(spec.commandLine().getErr());
        TrainingHistory history;
        try {
            history = WeightFiles.open(path);
            importer.check(history);
        } catch (IOException | UncheckedIOException e) {
            throw new ScenarioException(path.toString(), null, "cannot be read: " + e.getMessage());
        }
        DataDirectory directory = DataDirectory.createOrOpen(dataDir.path());
        String runName = name != null ? name : defaultName(path);
        String runId = importer.record(history, runName, directory, journal.overrides(), journal.resolved(directory));
        spec.commandLine().getOut().println(runId);
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** The file's name without its extension. */
    private static String defaultName(Path path) {
        Path file = path.toAbsolutePath().normalize().getFileName();
        String s = file == null ? "import" : file.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
