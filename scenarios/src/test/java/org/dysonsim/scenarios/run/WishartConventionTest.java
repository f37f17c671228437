package org.dysonsim.scenarios.run;

import org.dysonsim.scenarios.report.Levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dysonsim.actors.RecorderFactory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.StudyPlan;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;
import org.dysonsim.scenarios.report.analyses.SpectrumStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wishart mapping, run on the actor engine: without a gradient, every entry of W diffuses with
 * variance rate s² = 2ηD, so E tr(WᵀW) grows by s²·m·n per unit time exactly and the mean level
 * by 2ηD·m (Bru). The form printed by Olsen et al. gives ηD(m − n + 3) + ηD(n − 1) = ηD(m + 2)
 * instead — the same test tells the two conventions apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WishartConventionTest {
    private static final int N = 4;
    private static final int M = 8;
    private static final double ETA_D = 0.05;
    private static final double T = 0.5;
    private static final int MEMBERS = 600;
    /** Initial λ (so ‖W₀‖² = Σλ = 10, mean level 2.5). */
    private static final String INIT = "[1, 2, 3, 4]";
    /** z for a deterministic-seed statistical assertion (docs/physics.md §7). */
    private static final double Z = 5.0;

    private ActorEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    void start() {
        engine = new ActorEngine(ConfigFactory.parseResources(ActorEngine.SETTINGS), RecorderFactory.inMemory());
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    private RunResult run(String convention) throws IOException {
        Path f = dir.resolve(convention + ".conf");
        Files.writeString(f, "name = w\nmodel = wishart\nn = " + N + "\nsteps = 500\ndt = " + (T / 500) + "\nrecord-every = 500\n"
                + "ensemble.members = " + MEMBERS + "\nwishart { m = " + M + ", eta = " + ETA_D + ", d = 1, convention = "
                + convention + " }\ninit { kind = explicit, values = " + INIT + " }\n");
        RunSpec spec = StudyPlan.prepare(f, List.of(), dir.resolve("runs"), Instant.EPOCH).runs().get(0);
        RunResult result = engine.run(spec, RunListener.NONE);
        assertNull(result.failure());
        return result;
    }

    /** Mean level at t = T minus at 0, and its standard error across members. */
    private static double[] growth(RunResult result) {
        double[][] last = Levels.finalLevels(result);
        double sum = 0;
        double sumSq = 0;
        for (double[] levels : last) {
            double mean = 0;
            for (double l : levels) mean += l / N;
            sum += mean;
            sumSq += mean * mean;
        }
        double mean = sum / MEMBERS;
        double sd = Math.sqrt((sumSq - sum * sum / MEMBERS) / (MEMBERS - 1));
        return new double[] {mean - 2.5, sd / Math.sqrt(MEMBERS)};
    }

    @Test
    void bruGrowsTheMeanLevelByTwoEtaDmPerUnitTime() throws IOException {
        RunResult result = run("bru");
        double[] g = growth(result);
        double expected = 2 * ETA_D * M * T;
        assertEquals(expected, g[0], Z * g[1], "Bru growth " + g[0] + " ± " + g[1]);
        // power: the printed form's growth is more than Z standard errors away
        assertTrue(Math.abs(ETA_D * (M + 2) * T - g[0]) > Z * g[1], "cannot tell the conventions apart");
        assertEquals("pass", growthCheck(result).verdict(), growthCheck(result).toString());
    }

    @Test
    void olsenConventionGrowsItByEtaDmPlusTwo() throws IOException {
        RunResult result = run("olsen");
        double[] g = growth(result);
        assertEquals(ETA_D * (M + 2) * T, g[0], Z * g[1], "Olsen growth " + g[0] + " ± " + g[1]);
        // the report's check holds every run to the exact matrix rate, which the printed form misses
        assertEquals("fail", growthCheck(result).verdict(), growthCheck(result).toString());
    }

    private static Comparison growthCheck(RunResult result) {
        return Ensembles.checks(result).stream()
                .filter(c -> c.name().startsWith("mean level grows")).findFirst().orElseThrow();
    }
}
