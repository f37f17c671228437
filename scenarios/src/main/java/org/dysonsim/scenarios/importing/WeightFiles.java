package org.dysonsim.scenarios.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * Recognises what a researcher saved ({@code dyson import PATH}) and checks its layout from the
 * arrays' headers, reading no data yet: a directory of checkpoints ({@link CheckpointDirectory}),
 * an {@code .npz} ({@link RecordArrays}, the Aarts–Park–Lucini layout included), a single
 * {@code .npy} of records × rows × cols, or an HDF5 file of singular values ({@link SingularValueHistory}).
 */
public final class WeightFiles {
    private WeightFiles() {}

    /**
     * @throws ScenarioException if the path is missing or not one of the layouts: one line, its key the array
     *                           concerned ({@code dyson: <file>: <array>: <problem>}), as every refusal of an import
     */
    public static TrainingHistory open(Path path) throws IOException {
        String shown = path.toString();
        if (Files.isDirectory(path)) return CheckpointDirectory.read(path);
        if (!Files.isRegularFile(path)) throw new ScenarioException(shown, null, "no such file or directory");
        if (!Files.isReadable(path)) throw new ScenarioException(shown, null, "cannot be read (permissions)");
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".npz")) return RecordArrays.read(shown, NpzArchive.arrays(path));
        if (name.endsWith(".npy")) {
            String stem = path.getFileName().toString();
            stem = stem.substring(0, stem.length() - 4);
            return RecordArrays.read(shown, Map.of(stem, new ArraySource(shown, stem, () -> Files.newInputStream(path))));
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) return SingularValueHistory.open(path);
        throw new ScenarioException(shown, null, "not a layout dyson import reads: give an .npz, an .npy, an .h5 or a directory"
                + " of checkpoints (see README, Importing a run)");
    }
}
