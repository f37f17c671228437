package org.dysonsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dysonsim.scenarios.config.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnusedKeysTest {
    @TempDir
    Path dir;

    private StudyPlan prepare(String text, String... overrides) throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, text);
        return StudyPlan.prepare(f, List.of(overrides), dir.resolve("runs"), Instant.EPOCH);
    }

    private ScenarioException failure(String text, String... overrides) {
        return assertThrows(ScenarioException.class, () -> prepare(text, overrides));
    }

    @Test
    void aKeyOfAnotherModelAtItsDefaultValueIsNotRejected() throws IOException {
        // what a run's resolved scenario.conf holds: every key, those of other models at their defaults
        prepare("n = 4\ncir.alpha0 = 1.0\nsgd.alpha = 0.01\ninit.values = null");
        assertEquals("cir.alpha0", failure("n = 4\ncir.alpha0 = 2.0").key(), "a value of its own is the user's");
    }

    @Test
    void aKeyOfAnotherModelDriftOrInitIsRejected() {
        ScenarioException e = failure("n = 4\nsgd.alpha = 0.1");
        assertEquals("sgd.alpha", e.key());
        assertEquals("not used with model = coulomb (it belongs to model = sgd or matrix or network)", e.problem());
        assertEquals("drift.mu2", failure("drift { kind = harmonic, mu2 = 3 }").key());
        assertEquals("init.values", failure("init.values = [1, 2]").key());
        assertEquals("noise.g2", failure("model = sgd\nnoise.g2 = 2").key());
        assertEquals("dt", failure("model = sgd\ndt = 0.1").key());
        assertEquals("drift.lattice.sites", failure("n = 4", "drift.lattice.sites=12").key());
        // what dyson import writes: of a number or list type, but never for a model that is run
        ScenarioException imported = failure("n = 4", "training.lr=[0.1, 0.05]");
        assertEquals("training.lr", imported.key());
        assertEquals("not used with model = coulomb (it belongs to model = imported)", imported.problem());
        assertEquals("training.batch-size", failure("n = 4", "training.batch-size=32").key());
        assertEquals("not used with init.kind = goe (it belongs to init.kind = marchenko-pastur)",
                failure("init { kind = goe, rows = 12 }").problem());
    }

    @Test
    void keysOfTheChosenPartsAndSweptChoicesAreAccepted() throws IOException {
        assertEquals(1, prepare("model = sgd\nsgd.alpha = 0.1\ndrift { kind = harmonic, stiffness = 2 }").runs().size());
        assertEquals(1, prepare("n = 4\ninit { kind = goe, sigma2 = 0.5 }").runs().size());
        assertEquals(2, prepare("n = 4\nsgd.alpha = 0.1\nnoise.g2 = 2\nsweep.model = [coulomb, sgd]").runs().size());
    }
}
