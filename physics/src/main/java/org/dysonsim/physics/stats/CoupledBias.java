package org.dysonsim.physics.stats;

/**
 * The step bias of an ensemble statistic, estimated from coupled runs (docs/physics.md §2 "error
 * control"): the same members run at {@code h} and at {@code h/2} on the same Brownian path.
 * A statistic is the ensemble mean of one value per member (for a variance, the member's
 * squared deviation from the ensemble mean: its influence value). Because both runs of a
 * member see the same noise, the paired differences are small and their mean estimates the
 * bias of the coarse run far more precisely than two independent ensembles could.
 *
 * @param bias        mean over the paired members of {@code value_h − value_{h/2}}
 * @param biasSe      standard error of {@code bias}, from the spread of the paired differences
 * @param estimate    the statistic over the whole coarse ensemble
 * @param estimateSe  its standard error (sample standard deviation over √members)
 * @param pairs       members run at both step sizes
 */
public record CoupledBias(double bias, double biasSe, double estimate, double estimateSe, int pairs) {

    /**
     * @param coarse       one value per member of the whole coarse ensemble
     * @param coarsePaired the coarse values of the members also run at h/2
     * @param finePaired   their values at h/2, in the same member order
     */
    public static CoupledBias of(double[] coarse, double[] coarsePaired, double[] finePaired) {
        if (coarsePaired.length != finePaired.length || finePaired.length == 0) {
            throw new IllegalArgumentException("need as many coarse as fine paired values, at least one, got "
                    + coarsePaired.length + " and " + finePaired.length);
        }
        double[] d = new double[finePaired.length];
        for (int m = 0; m < d.length; m++) d[m] = coarsePaired[m] - finePaired[m];
        return new CoupledBias(mean(d), standardError(d), mean(coarse), standardError(coarse), d.length);
    }

    /** The statistical tolerance of the ensemble estimate, {@code z·SE} (docs/physics.md §7). */
    public double tolerance(double z) {
        return z * estimateSe;
    }

    /** What the bias may be: a quarter of the statistical tolerance (docs/physics.md §2). */
    public double budget(double z) {
        return 0.25 * tolerance(z);
    }

    public boolean withinBudget(double z) {
        return Math.abs(bias) <= budget(z);
    }

    private static double mean(double[] x) {
        double s = 0.0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double standardError(double[] x) {
        if (x.length < 2) return Double.NaN;
        double m = mean(x);
        double ss = 0.0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (x.length - 1) / x.length);
    }
}
