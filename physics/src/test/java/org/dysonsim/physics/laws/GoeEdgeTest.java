package org.dysonsim.physics.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dysonsim.physics.exact.DysonOuSampler;
import org.dysonsim.physics.init.RandomTridiagonals;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.junit.jupiter.api.Test;

/**
 * The edge comparison of the reports (docs/physics.md §3), on exact samples without actors: GOE
 * starts of N = 128 moved by the exact Dyson–OU sampler, 160 members. The reports' rule: KS of
 * the members' scaled largest eigenvalues against F₁ at level 1e-4, threshold 2.2253/√members.
 * The same samples, scaled with the wrong power of N or compared with F₂, must fail that rule;
 * F₂ lies 0.22 from F₁ (sup of the CDFs), so this takes about 160 members, more than the 96 of
 * large-n-edge, whose edge check rejects a wrong scaling but cannot tell F₂ from F₁.
 */
class GoeEdgeTest {
    private static final int N = 128, MEMBERS = 160;
    private static final TracyWidom F1 = new TracyWidom(1), F2 = new TracyWidom(2);
    private static final double THRESHOLD = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(MEMBERS);

    /** Largest eigenvalue of each member: a GOE of variance σ² moved for t in the well −a(x − c). */
    private static double[] largest(double sigma2, double a, double centre, double g2, double t, long seed) {
        double[] out = new double[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            double[] start = RandomTridiagonals.hermite(N, sigma2, seed, m);
            for (int i = 0; i < N; i++) start[i] -= centre; // the exact sampler measures from the well's centre
            double[] x = new DysonOuSampler(start, a, g2, t).sample(seed, m);
            out[m] = x[N - 1] + centre;
        }
        return out;
    }

    private static double ks(double[] values, java.util.function.DoubleUnaryOperator scaled, SpectralLaw law) {
        double[] s = new double[values.length];
        for (int i = 0; i < s.length; i++) s[i] = scaled.applyAsDouble(values[i]);
        return KolmogorovSmirnov.oneSample(s, law::cdf).distance();
    }

    @Test
    void equilibriumOfTheWellKeepsTheStartsEdge() {
        GoeEdge edge = GoeEdge.afterDysonOu(N, 0.5 / (2 * 2.0), 2.0, 0.0, 0.5, 0.7);
        assertEquals(0.125, edge.variance(), 1e-15);
        assertEquals(0.0, edge.shift(), 0.0);
        GoeEdge free = GoeEdge.afterDysonOu(N, 0.3, 0.0, 5.0, 2.0, 0.25);
        assertEquals(0.3 + 0.5, free.variance(), 1e-15);
        assertEquals(0.0, free.shift(), 0.0);
        GoeEdge moved = GoeEdge.afterDysonOu(N, 0.3, 1.0, 4.0, 2.0, Math.log(2.0));
        assertEquals(0.3 / 4 + 2.0 * 0.75 / 2, moved.variance(), 1e-14);
        assertEquals(2.0, moved.shift(), 1e-14);
    }

    @Test
    void goeEdgeAtEquilibriumFollowsF1AndNotAWrongScalingOrF2() {
        double g2 = 1.0, omega = 1.0, sigma2 = g2 / (2 * omega), t = 0.3;
        double[] top = largest(sigma2, omega, 0.0, g2, t, 21);
        GoeEdge edge = GoeEdge.afterDysonOu(N, sigma2, omega, 0.0, g2, t);
        double right = ks(top, edge::scaled, F1);
        // fluctuations N^(−1/2) of the edge 2√(vN) instead of N^(−2/3): the scale √v instead of √v N^(−1/6)
        double wrongPower = ks(top, x -> (x - edge.centre()) / Math.sqrt(edge.variance()), F1);
        double gue = ks(top, edge::scaled, F2);
        System.out.printf("GOE edge, N = %d, %d members: KS %.3f against F1, %.3f with scale N^(-1/2), %.3f against F2 "
                + "(threshold %.3f)%n", N, MEMBERS, right, wrongPower, gue, THRESHOLD);
        assertTrue(right < THRESHOLD, "F1 rejected: " + right);
        assertTrue(wrongPower > THRESHOLD, "the wrong scaling passes: " + wrongPower);
        assertTrue(gue > THRESHOLD, "F2 passes: " + gue);
    }

    @Test
    void edgeAwayFromEquilibriumFollowsTheMovedGoe() {
        double g2 = 1.0, omega = 1.0, sigma2 = 2.0, centre = 3.0, t = 0.4;
        double[] top = largest(sigma2, omega, centre, g2, t, 22);
        double right = ks(top, GoeEdge.afterDysonOu(N, sigma2, omega, centre, g2, t)::scaled, F1);
        double stale = ks(top, new GoeEdge(N, sigma2, 0.0)::scaled, F1);
        System.out.printf("GOE edge after relaxation: KS %.3f against the moved GOE, %.3f against the start's%n", right, stale);
        assertTrue(right < THRESHOLD, "F1 rejected: " + right);
        assertTrue(stale > THRESHOLD, "the start's edge passes: " + stale);
    }
}
