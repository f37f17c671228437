package org.dysonsim.scenarios.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.dysonsim.scenarios.config.ScenarioException;

/** Every bad file is refused while it is checked, naming the file and the array, before anything is written. */
class ImportRefusalsTest {

    @ParameterizedTest
    @CsvSource({
            "bad/pickled.npy, pickled, holds Python objects (a pickle)",
            "bad/pickled-member.npz, fc1, re-save it as a plain array",
            "bad/ragged.npz, fc2, 'ragged: 2 records where fc1 has 3'",
            "bad/nan.npz, fc1, 'NaN at matrix 1, row 2, column 0'",
            "bad/inf.npy, inf, 'Inf at matrix 0, row 0, column 1'",
            "bad/empty.npz, fc1, 'empty: shape (2, 0, 3)'",
            "bad/int-weights.npz, fc1, is not a float type",
            "bad/grad-shape.npz, grad_fc1, 'ragged: matrices of 3 × 2 where grad_fc1 has 3 × 3'",
            "bad/step-length.npz, step, 'ragged: 3 values for 2 records'",
            "bad/truncated.npz, , 'not a zip archive, or truncated'",
            "bad/not-zip.npz, , 'not a zip archive, or truncated'",
            "bad/truncated.npy, truncated, 'truncated: the data of shape (3, 5, 4) ends within matrix 2'",
            "bad/ragged-dir, fc1, 'ragged: matrices of 5 × 3 where fc1 has 4 × 3'",
            "bad/no-such-file.npz, , no such file or directory",
            "make_fixtures.py, , not a layout dyson import reads",
            "bad/ragged.h5, layers/fc/singular_values/batch_0, 'ragged: 3 singular values for a layer of 5 × 4'",
            "bad/truncated.h5, , not an HDF5 file jHDF can read, or truncated",
            "bad/batch-fraction.npz, batch_size, 'value 1 is 16.5, not a whole number'",
            "bad/lr-zero.npz, lr, 'value 0 is 0.0, not positive'",
            "bad/lr-ragged-dir, lr, 'ragged: saved at some steps and not at step 10'",
    })
    void isRefusedInOneLineNamingFileAndArray(String name, String array, String problem) throws Exception {
        Path path = name.startsWith("bad/no-such") ? ImportFixturesTest.fixture("bad").resolve("no-such-file.npz")
                : ImportFixturesTest.fixture(name);
        ScenarioException e = assertThrows(ScenarioException.class, () -> new RunImport(null).check(WeightFiles.open(path)));
        assertTrue(e.file().startsWith(path.toString()), e.file());
        assertEquals(array, e.key());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
