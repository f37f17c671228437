package org.dysonsim.physics.laws;

/**
 * Stationary law of two particles in one potential V with the β = 1 Coulomb repulsion
 * (docs/physics.md §1): joint density {@code ∝ |x₁ − x₂| e^{−(V(x₁) + V(x₂))/g²}} on [lo, hi]², and
 * its one-level density {@code ρ(x) = e^{−V(x)/g²} ∫|x − y| e^{−V(y)/g²} dy / Z}, Z the double integral.
 * The kink of |x − y| is removed by writing {@code ∫|x − y|w = x(2W(x) − W) − (2M(x) − M)} with
 * the running integrals W, M of w and yw, so every quadrature sees a smooth integrand.
 */
public final class CoulombPairLaw implements SpectralLaw {
    private static final GaussLegendre CELL = new GaussLegendre(16);

    private final Potential potential;
    private final double g2, lo, hi, vRef, step;
    private final double[] cumW, cumM, cumCdf;
    private final double z;

    /** {@code cells} panels for the running integrals (a few hundred is plenty for smooth V). */
    public CoulombPairLaw(Potential potential, double g2, double lo, double hi, int cells) {
        if (!(hi > lo) || !(g2 > 0.0)) throw new IllegalArgumentException("need lo < hi and g2 > 0");
        this.potential = potential;
        this.g2 = g2;
        this.lo = lo;
        this.hi = hi;
        this.step = (hi - lo) / cells;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= cells; k++) {
            double v = potential.value(Math.min(hi, Math.max(lo, lo + k * step)));
            if (Double.isFinite(v)) min = Math.min(min, v);
        }
        this.vRef = min;
        cumW = new double[cells + 1];
        cumM = new double[cells + 1];
        for (int k = 0; k < cells; k++) {
            double a = lo + k * step, b = a + step;
            cumW[k + 1] = cumW[k] + CELL.integrate(this::weight, a, b);
            cumM[k + 1] = cumM[k] + CELL.integrate(y -> y * weight(y), a, b);
        }
        double[] unnormalised = new double[cells + 1];
        for (int k = 0; k < cells; k++) {
            double a = lo + k * step;
            unnormalised[k + 1] = unnormalised[k] + CELL.integrate(this::unnormalisedDensity, a, a + step);
        }
        z = unnormalised[cells];
        cumCdf = unnormalised;
    }

    private double weight(double y) {
        return Math.exp(-(potential.value(y) - vRef) / g2);
    }

    private int cellOf(double x) {
        return (int) Math.min(cumW.length - 2, Math.max(0, Math.floor((x - lo) / step)));
    }

    /** {@code e^{−V(x)/g²}∫|x − y| e^{−V(y)/g²} dy}, up to the constant Z. */
    private double unnormalisedDensity(double x) {
        int k = cellOf(x);
        double a = lo + k * step;
        double w = cumW[k] + CELL.integrate(this::weight, a, x);
        double m = cumM[k] + CELL.integrate(y -> y * weight(y), a, x);
        double wTot = cumW[cumW.length - 1], mTot = cumM[cumM.length - 1];
        return weight(x) * (x * (2.0 * w - wTot) - (2.0 * m - mTot));
    }

    @Override
    public double lower() {
        return lo;
    }

    @Override
    public double upper() {
        return hi;
    }

    @Override
    public double density(double x) {
        return x <= lo || x >= hi ? 0.0 : unnormalisedDensity(x) / z;
    }

    @Override
    public double cdf(double x) {
        if (x <= lo) return 0.0;
        if (x >= hi) return 1.0;
        int k = cellOf(x);
        return (cumCdf[k] + CELL.integrate(this::unnormalisedDensity, lo + k * step, x)) / z;
    }

    /** Joint density of the unordered pair (each of the two orderings carries half). */
    public double joint(double x1, double x2) {
        if (x1 <= lo || x1 >= hi || x2 <= lo || x2 >= hi) return 0.0;
        return Math.abs(x1 - x2) * weight(x1) * weight(x2) / z;
    }
}
