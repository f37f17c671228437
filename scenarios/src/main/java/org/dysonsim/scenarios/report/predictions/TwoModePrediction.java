package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.SpectralComparison;

import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.physics.laws.TwoModeDensity;

/**
 * Degenerate pairs at late times: the one-level density ρ of two levels in one well
 * (docs/physics.md §3, σ² = g²/Ω) about each pair's centre; the pooled spectrum's law is the average of
 * the pairs' laws. The verdict uses one level per pair and member ({@link HarmonicPairs#oneLevelPerPair}),
 * in units of σ, against ρ with σ = 1: n_eff = members × pairs independent values. Exact for one
 * pair; for several the pull of the other pairs (of order g²/(distance Ω)) is neglected.
 */
public final class TwoModePrediction implements Prediction {
    private static final TwoModeDensity UNIT = new TwoModeDensity(1.0);

    private final HarmonicPairs pairs;

    public TwoModePrediction(HarmonicPairs pairs) {
        this.pairs = pairs;
    }

    @Override
    public String name() {
        return "two-mode density ρ of " + (pairs.pairs() == 1 ? "the pair" : pairs.pairs() + " degenerate pairs")
                + " (σ² = g²/Ω = " + Decimals.of(pairs.sigma2()[0]) + ")";
    }

    @Override
    public boolean appliesAt(double t) {
        return t >= pairs.late();
    }

    @Override
    public double density(double x, double t) {
        double s = 0.0;
        for (int j = 0; j < pairs.pairs(); j++) {
            double sigma = Math.sqrt(pairs.sigma2()[j]);
            s += UNIT.density((x - pairs.centre()[j]) / sigma) / sigma;
        }
        return s / pairs.pairs();
    }

    @Override
    public double cdf(double x, double t) {
        double s = 0.0;
        for (int j = 0; j < pairs.pairs(); j++) s += UNIT.cdf((x - pairs.centre()[j]) / Math.sqrt(pairs.sigma2()[j]));
        return s / pairs.pairs();
    }

    @Override
    public Comparison compare(RunSpec spec, RecordSlice now, double t) {
        double[] z = pairs.oneLevelPerPair(now);
        return SpectralComparison.ks(name(), t, z, UNIT, 0.0,
                "one level per pair and member, (x − c)/σ against ρ with σ = 1; n_eff = " + z.length
                        + " independent values (members × pairs)");
    }
}
