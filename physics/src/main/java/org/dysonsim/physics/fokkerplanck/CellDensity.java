package org.dysonsim.physics.fokkerplanck;

import org.dysonsim.physics.laws.SpectralLaw;

/**
 * A density held as cell averages on a grid (piecewise constant): mass, moments, CDF and the L1
 * distance to a law, all exact for the piecewise-constant function.
 */
public record CellDensity(CellGrid grid, double[] values) implements SpectralLaw {
    public CellDensity {
        if (values.length != grid.cells()) throw new IllegalArgumentException("one value per cell");
        values = values.clone();
    }

    /**
     * The unit mass at x₀ split between the two nearest cell centres so that mass and mean are
     * exact (a point mass cannot be represented better on a cell grid).
     */
    public static CellDensity pointMass(CellGrid grid, double x0) {
        double[] p = new double[grid.cells()];
        double h = grid.width();
        double s = (x0 - grid.lo()) / h - 0.5;
        int i = (int) Math.floor(s);
        if (i < 0) p[0] = 1.0 / h;
        else if (i >= grid.cells() - 1) p[grid.cells() - 1] = 1.0 / h;
        else {
            double f = s - i;
            p[i] = (1.0 - f) / h;
            p[i + 1] = f / h;
        }
        return new CellDensity(grid, p);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double mass() {
        double s = 0.0;
        for (double v : values) s += v;
        return s * grid.width();
    }

    /** ∫ x P over cells, exact for piecewise-constant P. */
    public double mean() {
        double s = 0.0;
        for (int i = 0; i < values.length; i++) s += grid.centre(i) * values[i];
        return s * grid.width() / mass();
    }

    /** Variance of the cell-centre distribution (without the within-cell h²/12). */
    public double variance() {
        double m = mean(), s = 0.0;
        for (int i = 0; i < values.length; i++) {
            double d = grid.centre(i) - m;
            s += d * d * values[i];
        }
        return s * grid.width() / mass();
    }

    @Override
    public double lower() {
        return grid.lo();
    }

    @Override
    public double upper() {
        return grid.hi();
    }

    @Override
    public double density(double x) {
        if (x < grid.lo() || x >= grid.hi()) return 0.0;
        return values[Math.min(values.length - 1, (int) ((x - grid.lo()) / grid.width()))];
    }

    @Override
    public double cdf(double x) {
        if (x <= grid.lo()) return 0.0;
        double h = grid.width(), s = 0.0;
        for (int i = 0; i < values.length; i++) {
            double a = grid.face(i);
            if (x >= a + h) s += values[i] * h;
            else {
                s += values[i] * (x - a);
                break;
            }
        }
        return s;
    }

    /** {@code Σ_i |∫_cell (P − ρ)|}: the L1 distance on cell probabilities. */
    public double l1Distance(SpectralLaw law) {
        double s = 0.0, h = grid.width();
        for (int i = 0; i < values.length; i++) s += Math.abs(values[i] * h - (law.cdf(grid.face(i + 1)) - law.cdf(grid.face(i))));
        return s;
    }
}
