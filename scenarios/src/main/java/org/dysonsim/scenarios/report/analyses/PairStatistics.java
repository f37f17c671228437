package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Power;
import org.dysonsim.scenarios.report.SpectralComparison;
import org.dysonsim.scenarios.report.predictions.HarmonicPairs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.physics.laws.TwoModeDensity;
import org.dysonsim.physics.laws.WignerSurmise;

/**
 * Degenerate harmonic pairs at the last recorded time, once stationary ({@link HarmonicPairs}):
 * the spacing of each pair, divided by its exact mean √π σ, against the Wigner surmise for β = 1
 * (exact for two levels in one well, docs/physics.md §3) — per pair and pooled over pairs — and the
 * Binder cumulant {@code B = ⟨x⁴⟩/(3⟨x²⟩²) − 1} about the centres against −4/27.
 */
final class PairStatistics implements RunCheck {
    /** z of the Binder-cumulant test (docs/physics.md §7: 4.5–5 standard errors). */
    static final double Z = 5.0;
    /** Values (members × pairs) below which the Binder cumulant is not compared. */
    static final int MIN_BINDER_VALUES = 3;

    private final int beta;

    PairStatistics() {
        this(1);
    }

    /** A surmise of another β: for the power check that the wrong symmetry class is rejected. */
    PairStatistics(int beta) {
        this.beta = beta;
    }

    public List<Comparison> compare(EnsembleSummary result, RecordSlice last) {
        SpectrumStatistics stats = result.stats();
        var found = HarmonicPairs.of(result.runStart());
        if (found.isEmpty()) return List.of();
        HarmonicPairs pairs = found.get();
        int k = stats.times().length - 1;
        double t = stats.times()[k];
        if (t < pairs.late()) return List.of();
        List<Comparison> out = new ArrayList<>();
        WignerSurmise surmise = new WignerSurmise(beta);
        List<Double> pooled = new ArrayList<>();
        for (int j = 0; j < pairs.pairs(); j++) {
            double[] s = pairs.normalisedSpacings(last, j);
            for (double v : s) pooled.add(v);
            if (pairs.pairs() > 1) {
                out.add(SpectralComparison.ks("spacing of pair " + j + " (centre " + Decimals.of(pairs.centre()[j])
                        + ") / √πσ against the Wigner surmise β = " + beta, t, s, surmise, 0.0, "n_eff = " + s.length + " members"));
            }
        }
        double[] all = pooled.stream().mapToDouble(Double::doubleValue).toArray();
        out.add(SpectralComparison.ks("pair spacing / √πσ" + (pairs.pairs() > 1 ? " (all pairs)" : "")
                + " against the Wigner surmise β = " + beta, t, all, surmise, 0.0,
                "n_eff = " + all.length + " spacings (members × pairs, pairs taken as independent)"));
        double[] levels = pairs.oneLevelPerPair(last);
        // its standard error needs the spread of the sample's moments: one or two values have none (it came out 0)
        if (levels.length >= MIN_BINDER_VALUES) out.add(binder(levels, t));
        return out;
    }

    /** B of standardised values about 0 with its delta-method standard error from the sample's moments up to the 8th. */
    static Comparison binder(double[] z, double t) {
        double m2 = 0, m4 = 0, m6 = 0, m8 = 0;
        for (double v : z) {
            double y = v * v;
            m2 += y;
            m4 += y * y;
            m6 += y * y * y;
            m8 += y * y * y * y;
        }
        int n = z.length;
        m2 /= n;
        m4 /= n;
        m6 /= n;
        m8 /= n;
        double b = m4 / (3 * m2 * m2) - 1;
        double dm4 = 1 / (3 * m2 * m2), dm2 = -2 * m4 / (3 * m2 * m2 * m2);
        double var = (dm4 * dm4 * (m8 - m4 * m4) + dm2 * dm2 * (m4 - m2 * m2) + 2 * dm4 * dm2 * (m6 - m4 * m2)) / n;
        double se = Math.sqrt(var);
        double expected = new TwoModeDensity(1.0).binderCumulantB();
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("B", b);
        details.put("expected", expected);
        details.put("standard_error", se);
        details.put("n_eff", (double) n);
        return new Comparison("Binder cumulant B = ⟨x⁴⟩/(3⟨x²⟩²) − 1 about the centres (two levels in one well: −4/27)",
                "|B + 4/27|", t, Math.abs(b - expected), Z * se, Math.abs(b - expected) <= Z * se,
                Z + " standard errors (delta method); one level per pair and member, n_eff = " + n, details,
                Power.ofTolerance(Z * se, expected, "Binder cumulant"));
    }
}
