package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.PlainMatrixRuns;
import org.dysonsim.scenarios.report.analyses.ParticleCompanion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.physics.sgd.LossSpec;
import org.dysonsim.physics.sgd.SgdSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of an RBM trained by PCD (the real loss, the plain loop): monitoring, forecast and the particle companion. */
class RbmReportTest {
    /** A small rbm-pcd: 6 visible = 6 lattice sites, 6 hidden, μ² = 7, m² = 1 (targets 2 … 6). */
    static final MatrixModel RBM = new MatrixModel(6, 6, new LossSpec.RbmPcd(1.0, 7.0, 1.0, 1), new SgdSettings(0.02, 32, 0.0), 2000,
            0.3, 3);

    @TempDir
    Path dir;

    @Test
    void companionRunsAndEveryMatrixBlockIsReported() throws Exception {
        RunResult run = PlainMatrixRuns.run(RBM, 800, 50, 3, 6);
        RunReport.write(dir, RecordedRun.of(run), "study");
        Config r = ConfigFactory.parseFile(dir.resolve(RunDirectory.REPORT_JSON).toFile());
        Config companion = r.getConfig("particle_companion");
        assertTrue(!companion.hasPath("note"), companion.root().render());
        // 6 sites: κ_0 = 1, κ_{1,5} and κ_{2,4} doubly degenerate, κ_3 single: two degenerate pairs
        assertEquals(2, companion.getList("degenerate_pairs").size());
        assertEquals(0.04, companion.getDouble("alpha_particle"), 1e-15, "2σ_h²α");
        List<Double> fixed = companion.getDoubleList("fixed_points_eigenvalues");
        assertEquals(7.0 - 5.0, fixed.get(0), 1e-12);
        assertEquals(7.0 - 1.0, fixed.get(5), 1e-12);
        long modes = r.getConfigList("comparisons").stream().filter(c -> c.getString("name").startsWith("mode ")).count();
        assertEquals(6, modes);
        assertTrue(r.getConfigList("comparisons").stream().anyMatch(c -> c.getString("name").contains("Wigner surmise")));
        assertTrue(Files.readString(dir.resolve(RunDirectory.PARTICLE_COMPANION)).contains("kind = rbm"));
        assertEquals(17, r.getConfig("monitoring").getStringList("stage").size());
        assertTrue(r.getConfig("forecast").getDouble("coverage") >= 0.0);
        for (String plot : List.of("companion-densities", "companion-modes", "companion-spacings", "forecast-band", "monitor-stage")) {
            assertTrue(Files.size(dir.resolve(plot + ".png")) > 1000, plot);
        }
    }
}
