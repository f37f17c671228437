package org.dysonsim.scenarios.report;

import org.dysonsim.actors.RunResult;

/**
 * A theoretical law of the one-level density of the spectrum at time t, against which a report
 * compares the ensemble. Add a law by implementing this and listing it in {@link Predictions}.
 */
public interface Prediction {

    /** Short name shown in the report, e.g. "Marchenko–Pastur". */
    String name();

    /** Whether the law describes the spectrum at time t (some hold at t = 0 or late times only). */
    boolean appliesAt(double t);

    double density(double x, double t);

    double cdf(double x, double t);

    /**
     * Extra KS distance tolerated because the sampled law is a finite-N system and the prediction
     * may be its large-N limit; 0 for a law that is exact at finite N.
     */
    default double finiteSizeAllowance(int n) {
        return 0.0;
    }

    /**
     * The comparison at record k (time t). By default every level of every member pooled against
     * {@link #cdf}; a prediction whose levels are independent or conditional on each member's
     * start overrides this with its own sample and says what n_eff is.
     */
    default Comparison compare(RunResult run, int k, double t) {
        return SpectralComparison.ks(this, t, SpectrumStatistics.pooledAt(run, k), run.spec().n());
    }
}
