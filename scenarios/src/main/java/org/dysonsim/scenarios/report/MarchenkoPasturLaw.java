package org.dysonsim.scenarios.report;

/**
 * The Marchenko–Pastur law of the eigenvalues of {@code WᵀW}, {@code W} M×N with N(0, σ²)
 * entries, {@code r = N/M ≤ 1}, unnormalised scaling (PHYSICS.md §1):
 * {@code P(x) = √((x₊ − x)(x − x₋)) / (2πσ² M r x)}, {@code x± = Mσ²(1 ± √r)²}.
 * It is the law of the initial spectrum, so it applies at t = 0.
 */
public record MarchenkoPasturLaw(int rows, int cols, double sigma2) implements Prediction {
    /** Simpson panels of the CDF integral; the integrand is smooth in θ, so this is far below any KS resolution. */
    private static final int PANELS = 200;

    public String name() {
        return "Marchenko–Pastur (M = " + rows + ", N = " + cols + ", σ² = " + sigma2 + ")";
    }

    public boolean appliesAt(double t) {
        return t == 0.0;
    }

    private double ratio() {
        return (double) cols / rows;
    }

    public double lower() {
        double s = 1 - Math.sqrt(ratio());
        return rows * sigma2 * s * s;
    }

    public double upper() {
        double s = 1 + Math.sqrt(ratio());
        return rows * sigma2 * s * s;
    }

    public double density(double x, double t) {
        double lo = lower();
        double hi = upper();
        if (x <= lo || x >= hi) return 0.0;
        return Math.sqrt((hi - x) * (x - lo)) / (2 * Math.PI * sigma2 * rows * ratio() * x);
    }

    /**
     * With {@code x = m − s cos θ} ({@code m} the centre, {@code s} the half-width of the support)
     * the integrand {@code s² sin²θ / (2πσ² M r x)} is smooth even at a hard edge x₋ = 0
     * (PHYSICS.md §5), so Simpson's rule on θ converges fast.
     */
    public double cdf(double x, double t) {
        double lo = lower();
        double hi = upper();
        if (x <= lo) return 0.0;
        if (x >= hi) return 1.0;
        double m = 0.5 * (lo + hi);
        double s = 0.5 * (hi - lo);
        double theta = Math.acos(Math.max(-1.0, Math.min(1.0, (m - x) / s)));
        double h = theta / PANELS;
        double sum = 0.0;
        for (int k = 0; k <= PANELS; k++) {
            double th = k * h;
            double sin = Math.sin(th);
            double xx = m - s * Math.cos(th);
            double f = xx > 0 ? s * s * sin * sin / (2 * Math.PI * sigma2 * rows * ratio() * xx) : 0.0;
            sum += f * (k == 0 || k == PANELS ? 1 : (k % 2 == 1 ? 4 : 2));
        }
        return Math.min(1.0, sum * h / 3.0);
    }

    /**
     * The mean CDF of a finite N×N Wishart spectrum differs from this limit law by a KS distance of
     * about 0.2/N (measured with 40 000 pooled levels for N = 4..100, M/N = 1 and 2); the
     * allowance is twice that.
     */
    @Override
    public double finiteSizeAllowance(int n) {
        return 0.5 / n;
    }
}
