package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.ModelMapping;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;
import org.junit.jupiter.api.Test;

/**
 * A GOE start of N = 64 in the harmonic well whose equilibrium it is (σ² = g²/(2Ω)), integrated
 * by the engine's reference stepper for t = 0.2: the report's edge check compares the members'
 * largest eigenvalues with F₁ at t = 0 and at the last record, and passes both; it stays out of
 * runs it cannot predict.
 */
class TracyWidomEdgeTest {
    private static final int N = 64, MEMBERS = 160;
    private static final double G2 = 1.0, OMEGA = 1.0;

    private static RunResult run(int members, InitialSpectrum init, Drift drift) {
        double[] g2 = new double[N];
        java.util.Arrays.fill(g2, G2);
        return Ensembles.run(Ensembles.spec(ModelMapping.coulomb(g2, drift, Wall.NONE, Wall.NONE), init,
                StepSizeRule.adaptive(0.01, 12), 0.02, 10, 5, 3, members));
    }

    private static Drift.Harmonic well(double centre) {
        double[] c = new double[N], k = new double[N];
        java.util.Arrays.fill(c, centre);
        java.util.Arrays.fill(k, OMEGA);
        return new Drift.Harmonic(c, k);
    }

    private static List<Comparison> edge(RunResult run) {
        return Ensembles.checks(run).stream().filter(c -> c.name().startsWith("largest eigenvalue")).toList();
    }

    @Test
    void aGoeStartAtTheWellsEquilibriumFollowsF1AtTheStartAndAtTheEnd() {
        double sigma2 = G2 / (2 * OMEGA);
        List<Comparison> c = edge(run(MEMBERS, new InitialSpectrum.Goe(N, sigma2), well(0.0)));
        assertEquals(List.of(0.0, 0.2), c.stream().map(Comparison::t).toList());
        for (Comparison x : c) {
            assertTrue(x.pass(), x.toString());
            assertEquals(MEMBERS, x.details().get("n_eff"));
        }
    }

    @Test
    void theEdgeOfAGoeStartOutOfEquilibriumMovesAsTheMatrixPictureSays() {
        List<Comparison> c = edge(run(MEMBERS, new InitialSpectrum.Goe(N, 3.0), well(2.0)));
        assertEquals(2, c.size());
        for (Comparison x : c) assertTrue(x.pass(), x.toString());
        assertTrue(c.get(1).details().get("edge_centre") < c.get(0).details().get("edge_centre") - 1.0, c.toString());
    }

    @Test
    void noEdgeCheckWithoutAGoeStartOrWithAnotherDrift() {
        assertEquals(List.of(), edge(run(4, new InitialSpectrum.MarchenkoPastur(2 * N, N, 0.5), well(0.0))));
        double[] target = new double[N];
        assertEquals(List.of(), edge(run(4, new InitialSpectrum.Goe(N, 0.5), new Drift.MeanField(1.0, target))));
    }
}
