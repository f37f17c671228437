package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.scenarios.report.MemberSource;
import org.junit.jupiter.api.Test;

/**
 * The stationary width on Ornstein–Uhlenbeck levels sampled exactly at the records (an AR(1)
 * series x_{r+1} = φx_r + √(1 − φ²)·σ·η, stationary variance σ²), whose width and error are known.
 */
class StationaryWidthTest {
    private static final int MEMBERS = 8, RECORDS = 2000, N = 2;
    private static final double PHI = 0.9, VARIANCE = 2.0;

    /** x[member][record][level], started in the stationary law. */
    private static double[][][] ornsteinUhlenbeck(long seed) {
        double[][][] x = new double[MEMBERS][RECORDS][N];
        double sd = Math.sqrt(VARIANCE), kick = Math.sqrt(1 - PHI * PHI) * sd;
        for (int m = 0; m < MEMBERS; m++) {
            for (int i = 0; i < N; i++) {
                x[m][0][i] = 5.0 * i + sd * CounterRng.gaussian(seed, m, i, 0, 0);
                for (int r = 1; r < RECORDS; r++) x[m][r][i] = 5.0 * i + PHI * (x[m][r - 1][i] - 5.0 * i) + kick * CounterRng.gaussian(seed, m, i, r, 0);
            }
        }
        return x;
    }

    @Test
    void recoversAKnownVarianceWithTheErrorOfCorrelatedRecords() {
        StationaryWidth.Estimate e = StationaryWidth.of(ornsteinUhlenbeck(11));
        // x² has autocorrelation φ^{2t}: τ = ½ + φ²/(1 − φ²) records, and the mean of x² over R records
        // of one level has variance 2σ⁴·2τ/R; the width averages M·N independent such series
        double tau = 0.5 + PHI * PHI / (1 - PHI * PHI);
        double exactSe = Math.sqrt(2 * VARIANCE * VARIANCE * 2 * tau / RECORDS / (MEMBERS * N));
        assertEquals(VARIANCE, e.width(), 5 * exactSe, e.toString());
        assertEquals(tau, e.tau(), 0.25 * tau, e.toString());
        // 160 batches: the estimated error is itself within ~6 % (one SE) of the exact one
        assertEquals(1.0, e.standardError() / exactSe, 0.25, e.toString());
        // records taken as independent would claim an error √(2τ) ≈ 3 times too small
        double naive = Math.sqrt(2 * VARIANCE * VARIANCE / RECORDS / (MEMBERS * N));
        assertTrue(e.standardError() > 2.5 * naive, e + " against " + naive);
        assertEquals(MEMBERS * (RECORDS / e.batchLength()), e.batches());
    }

    @Test
    void readsOnlyTheSecondHalfOfARunFromItsMembers() {
        double[][][] x = ornsteinUhlenbeck(12);
        // the first half of each member far from equilibrium: a width it must not see
        List<MemberTrajectory> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            long[] steps = new long[RECORDS + 1];
            double[] times = new double[RECORDS + 1];
            double[][] values = new double[RECORDS + 1][];
            values[0] = new double[] {0, 5};
            for (int r = 0; r < RECORDS; r++) {
                steps[r + 1] = 10L * (r + 1);
                times[r + 1] = steps[r + 1];
                values[r + 1] = steps[r + 1] < 10L * RECORDS / 2 ? new double[] {100.0 * m, 5 - 100.0 * m} : x[m][r];
            }
            members.add(new MemberTrajectory(m, steps, times, values));
        }
        StationaryWidth.Estimate e = StationaryWidth.of(MemberSource.of(members), 10L * RECORDS);
        assertEquals(RECORDS / 2 + 1, e.records(), "records at step ≥ steps/2");
        double[][][] half = new double[MEMBERS][][];
        for (int m = 0; m < MEMBERS; m++) half[m] = java.util.Arrays.copyOfRange(x[m], RECORDS / 2 - 1, RECORDS);
        StationaryWidth.Estimate direct = StationaryWidth.of(half);
        assertEquals(direct.width(), e.width(), 1e-12);
        assertEquals(direct.standardError(), e.standardError(), 1e-12);
    }
}
