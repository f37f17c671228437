package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./dyson import} then {@code ./dyson export} as processes, on an npz written by NumPy (records.npz). */
class ImportIT {
    @TempDir
    Path dir;

    @Test
    void anImportedNpzExportsNumPysEigenvalues() throws Exception {
        Path npz = Path.of(ImportIT.class.getResource("/import/records.npz").toURI());
        DysonProcess.finish(dir, "import", DysonProcess.builder(dir, "import",
                List.of("import", npz.toString(), "--name", "records", "--data-dir", "out")));
        String runId = Files.readString(dir.resolve("import.out")).trim();
        DysonProcess.finish(dir, "export", DysonProcess.builder(dir, "export",
                List.of("export", runId, "--format", "csv", "--out", "records.csv", "--data-dir", "out")));
        List<String> rows = Files.readAllLines(dir.resolve("records.csv"));
        List<String> numpy = Files.readAllLines(npz.resolveSibling("records.npz.eig.txt"));
        assertEquals(1 + 3 * 7, rows.size()); // header, then 3 records of 4 + 3 eigenvalues
        for (int k = 1; k < rows.size(); k++) {
            String[] row = rows.get(k).split(",");
            int record = (k - 1) / 7;
            assertEquals(List.of("0", Long.toString(10L * record)), List.of(row[0], row[1]));
            double want = Double.parseDouble(numpy.get(record).trim().split(" ")[Integer.parseInt(row[3])]);
            assertEquals(want, Double.parseDouble(row[4]), 1e-10 * Math.max(1.0, Math.abs(want)), rows.get(k));
        }
    }
}
