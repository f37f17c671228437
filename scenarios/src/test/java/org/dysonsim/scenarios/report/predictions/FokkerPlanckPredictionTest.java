package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.fokkerplanck.CellGrid;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.Potential;
import org.dysonsim.scenarios.ModelMapping;
import org.junit.jupiter.api.Test;

/**
 * One RBM mode (docs/physics.md §4 reference: μ² = 1, κ = 0.5, g² = 0.05, x₀ = 0.9, reflecting at 0)
 * against the numerical Fokker–Planck solution at t = 0.1, 0.5 and 2.
 */
class FokkerPlanckPredictionTest {
    private static final double MU2 = 1.0, KAPPA = 0.5, G2 = 0.05;
    /** n_eff = 4000 members: threshold 2.2253/√4000 ≈ 0.035; Euler–Maruyama at dt = 0.002 shifts the law far less. */
    private static final int MEMBERS = 4000;
    private static final RunResult RUN = Ensembles.run(Ensembles.spec(
            ModelMapping.coulomb(new double[] {G2}, new Drift.RbmSmooth(new double[] {KAPPA}), Wall.reflect(0.0), Wall.barrier(MU2, MU2)),
            new InitialSpectrum.Explicit(new double[] {0.9}), StepSizeRule.fixed(), 0.002, 1000, 50, 17, MEMBERS));

    private static List<Comparison> at(List<Comparison> all, double... times) {
        return all.stream().filter(c -> java.util.Arrays.stream(times).anyMatch(t -> Math.abs(c.t() - t) < 1e-9)).toList();
    }

    @Test
    void theModeFollowsTheFokkerPlanckSolution() {
        List<Prediction> defaults = Predictions.forRun(RunStart.of(RUN));
        assertEquals(1, defaults.size(), defaults.toString());
        assertTrue(defaults.get(0) instanceof FokkerPlanckPrediction);
        // the mean of the solution at t = 0.5 is docs/physics.md §4's 0.525239 (to the grid's accuracy)
        double mean = 0, h = MU2 / 4000;
        for (int i = 0; i < 4000; i++) mean += (1 - defaults.get(0).cdf((i + 0.5) * h, 0.5)) * h;
        assertEquals(0.525239, mean, 2e-3);
        List<Comparison> c = at(Ensembles.compare(defaults.get(0), RUN), 0.1, 0.5, 2.0);
        assertEquals(3, c.size());
        for (Comparison x : c) assertTrue(x.pass(), x.toString());
    }

    @Test
    void aNoiseThirtyPercentOffFails() {
        Prediction wrong = new FokkerPlanckPrediction("g² 30 % high", new Potential.Rbm(MU2, KAPPA), 1.3 * G2,
                new CellGrid(0, MU2, FokkerPlanckPrediction.CELLS), RunStart.of(RUN));
        List<Comparison> c = at(Ensembles.compare(wrong, RUN), 0.1, 0.5, 2.0);
        assertFalse(c.stream().allMatch(Comparison::pass), c.toString());
    }
}
