package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.SpectralComparison;
import org.dysonsim.physics.laws.SpectralLaw;

import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.RecordSlice;

/**
 * A theoretical law of the one-level density of the spectrum at time t, against which a report
 * compares the ensemble. Add a law by implementing this and listing it in {@link Predictions}.
 */
public interface Prediction {

    /** Short name shown in the report, e.g. "Marchenko–Pastur". */
    String name();

    /** Whether the law describes the spectrum at time t (some hold at t = 0 or late times only). */
    boolean appliesAt(double t);

    /**
     * Whether the law may describe the spectrum at t, answered without building it: where only
     * building the law at t tells whether it exists, this says yes and {@link #appliesAt} decides
     * when the record is read. A report plans the records it compares with this, so it builds a
     * law only at the records it reads.
     */
    default boolean mayApplyAt(double t) {
        return appliesAt(t);
    }

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
    default Comparison compare(RunSpec spec, RecordSlice now, double t) {
        return pooled(t, now.pooledLevels(spec), spec.n());
    }

    /**
     * The threshold is the KS critical value at level 1e-4 (docs/physics.md §7) for the pooled sample
     * size plus the prediction's finite-N allowance. Levels of one member repel each other, so
     * they fluctuate less than independent samples: the independent-sample critical value is
     * conservative, and the p-value (reported as {@code p_value_iid}) is one for independent samples.
     *
     * @param levels the pooled values of every member at time t
     * @param n      levels per member
     */
    default Comparison pooled(double t, double[] levels, int n) {
        return SpectralComparison.ks(name(), t, levels, frozenAt(t), finiteSizeAllowance(n),
                "n_eff = " + levels.length + " pooled levels of every member (independent where the modes are;"
                        + " interacting levels of one member repel, which makes the iid critical value conservative)");
    }

    /**
     * The mean and variance of the one-level law at time t, where the prediction knows them in
     * closed form; empty (the default) leaves them to be summed from {@link #cdf}.
     */
    default java.util.Optional<double[]> moments(double t) {
        return java.util.Optional.empty();
    }

    /** The prediction frozen at time t. */
    default SpectralLaw frozenAt(double t) {
        Prediction prediction = this;
        return new SpectralLaw() {
            public double density(double x) {
                return prediction.density(x, t);
            }

            public double cdf(double x) {
                return prediction.cdf(x, t);
            }
        };
    }
}
