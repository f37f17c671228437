package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Levels;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.dysonsim.physics.exact.TimeDependentMarchenkoPastur;

/**
 * A zero-gradient Wishart run read as the matrix process {@code W(t) = W₀ + sB(t)}, W m×n, entry
 * variance rate s² = 2ηD, at large N (docs/physics.md §3, time-dependent MP): the eigenvalues of
 * WᵀW are m times those of YYᵀ/m for {@code Y = W₀ᵀ + √(s²t) G} (p = n, q = m, c = n/m), whose
 * law follows from the signal eigenvalues {@code h_k = λ_k(0)/m} (Dozier–Silverstein). The
 * prediction averages this law over the recorded starts of at most {@link #MIXTURE_MEMBERS}
 * members. A large-N limit: the KS threshold carries the Marchenko–Pastur allowance 0.5/n.
 * Bru's equation is the matrix process, so a run in the printed (Olsen) convention fails it.
 */
public final class WishartMarchenkoPastur implements Prediction {
    /** Members' laws differ by O(1/n); each costs a Stieltjes-transform solve per grid point. */
    static final int MIXTURE_MEMBERS = 16;
    static final int GRID = 1000;

    private final int m, n;
    private final double s2;
    private final List<double[]> signals = new ArrayList<>();
    private final LastTime<TimeDependentMarchenkoPastur[]> byTime = new LastTime<>(this::lawsAt);

    public WishartMarchenkoPastur(int m, double etaD, RunStart run) {
        this.m = m;
        this.n = run.spec().n();
        this.s2 = 2.0 * etaD;
        int members = run.start().size(), used = Math.min(members, MIXTURE_MEMBERS);
        for (int k = 0; k < used; k++) {
            double[] lambda = run.start().levels(run.spec(), (int) ((long) k * members / used));
            for (int i = 0; i < lambda.length; i++) lambda[i] /= m;
            signals.add(lambda);
        }
    }

    @Override
    public String name() {
        return "time-dependent Marchenko–Pastur of W₀ + sB(t) (m = " + m + ", s² = 2ηD = " + Decimals.of(s2) + ")";
    }

    /**
     * Where the Dozier–Silverstein continuation does not converge (it can stall for a small
     * noise variance s²t, when the law is still a set of narrow bumps around the starts) the
     * prediction is not available and the time is not compared.
     */
    @Override
    public boolean appliesAt(double t) {
        if (!(t > 0.0)) return false;
        try {
            laws(t);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Every t > 0: whether the continuation converges is known only once the law is built ({@link #appliesAt}). */
    @Override
    public boolean mayApplyAt(double t) {
        return t > 0.0;
    }

    private TimeDependentMarchenkoPastur[] laws(double t) {
        return byTime.at(t);
    }

    private TimeDependentMarchenkoPastur[] lawsAt(double t) {
        // one law per start, each tabulated on its own: built side by side on every core, each the same
        // whatever the thread (the report's largest cost for a Wishart run)
        TimeDependentMarchenkoPastur[] laws = new TimeDependentMarchenkoPastur[signals.size()];
        IntStream.range(0, laws.length).parallel()
                .forEach(k -> laws[k] = new TimeDependentMarchenkoPastur(signals.get(k), (double) n / m, s2 * t, GRID));
        return laws;
    }

    @Override
    public double density(double x, double t) {
        double s = 0.0;
        for (TimeDependentMarchenkoPastur law : laws(t)) s += law.density(x / m) / m;
        return s / signals.size();
    }

    @Override
    public double cdf(double x, double t) {
        double s = 0.0;
        for (TimeDependentMarchenkoPastur law : laws(t)) s += law.cdf(x / m);
        return s / signals.size();
    }

    /**
     * The mixture's mean and variance in closed form, without building a law (docs/physics.md §3):
     * for W = W₀ + σG, σ² = s²t, the large-N limits of tr(WᵀW)/n = Σλ₀/n + mσ² and of
     * tr((WᵀW)²)/n = [Σλ₀² + 2σ²(m + n)Σλ₀ + σ⁴mn(m + n)]/n (the exact Gaussian expectation less
     * its terms of relative order 1/N), averaged over the members' starts.
     */
    @Override
    public java.util.Optional<double[]> moments(double t) {
        if (!(t > 0.0)) return java.util.Optional.empty();
        double sigma2 = s2 * t, mean = 0.0, second = 0.0;
        for (double[] h : signals) {
            double sum = 0.0, squares = 0.0;
            for (double v : h) {
                sum += v * m;
                squares += (v * m) * (v * m);
            }
            mean += sum / n + m * sigma2;
            second += (squares + 2.0 * sigma2 * (m + n) * sum + sigma2 * sigma2 * m * (double) n * (m + n)) / n;
        }
        mean /= signals.size();
        second /= signals.size();
        return java.util.Optional.of(new double[] {mean, second - mean * mean});
    }

    @Override
    public double finiteSizeAllowance(int levels) {
        return Predictions.MP_FINITE_SIZE / levels;
    }
}
