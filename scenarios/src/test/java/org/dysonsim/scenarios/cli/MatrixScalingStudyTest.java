package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear scaling rule on real minibatch SGD, through the engine: the shipped
 * {@code rbm-pcd-scaling} sweep, made small (8 members; α from 0.03 to 0.05, so that 2500 steps
 * are t ≥ 75, several relaxation times of the slowest level; the widths read from the 11 records
 * of the second half, each about two relaxation times after the last), passes study.json's
 * verdict; the same sweep stopped at 100 steps, while the widths are still those of the members'
 * own W₀, fails it (16 members and the 6 records of its second half: the offset that W₀ leaves,
 * about 0.15, many standard errors from 0).
 */
class MatrixScalingStudyTest {
    private static final Path SCENARIO = Path.of("").toAbsolutePath().getParent().resolve("scenarios/rbm-pcd-scaling.conf");
    /**
     * Standard errors by which the fitted slope must exceed 0: the widths must really grow with
     * α/|B|, else a pass could come from points too noisy to show anything (docs/physics.md §7).
     */
    private static final double Z = 5.0;

    @TempDir
    Path dir;

    private Config study(int members, int steps, int recordEvery) throws Exception {
        Path data = dir.resolve("runs-" + steps);
        InProcessDyson.Result run = InProcessDyson.run("run", SCENARIO.toString(), "--data-dir", data.toString(), "--quiet",
                "--set", "ensemble.members=" + members, "--set", "steps=" + steps, "--set", "record-every=" + recordEvery,
                "--set", "sweep.sgd.alpha=[0.03, 0.04, 0.05]");
        assertEquals(Main.OK, run.exit(), run.err());
        String line = run.out().lines().filter(l -> l.startsWith("study: ")).findFirst().orElseThrow();
        Path json = Path.of(line.substring("study: ".length()));
        assertEquals(6, run.out().lines().filter(l -> l.startsWith("report: ")).count(), run.out());
        return ConfigFactory.parseString(Files.readString(json));
    }

    @Test
    void relaxedWidthsScaleAsAlphaOverBatchAndUnrelaxedOnesDoNot() throws Exception {
        Config relaxed = study(8, 2500, 125);
        assertEquals("pass", relaxed.getString("verdict"), relaxed.root().render());
        assertTrue(relaxed.getDouble("fit.slope") > Z * relaxed.getDouble("fit.slope_se"), relaxed.root().render());

        // power: at 100 steps (t = 3 to 5) the widths are still about those of W₀, whatever α/|B|
        Config unrelaxed = study(16, 100, 10);
        assertEquals("fail", unrelaxed.getString("verdict"), unrelaxed.root().render());
    }
}
