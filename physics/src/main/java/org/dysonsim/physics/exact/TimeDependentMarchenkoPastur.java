package org.dysonsim.physics.exact;

import java.util.Arrays;
import org.dysonsim.physics.laws.SpectralLaw;
import org.hipparchus.complex.Complex;

/**
 * Spectrum of {@code YYᵀ/q} for information plus noise {@code Y = W₀ + √t G}, p×q, c = p/q
 * (Dozier & Silverstein 2007; docs/physics.md §3): the Stieltjes transform solves
 * {@code m = mean_k 1/[h_k/(1 + tcm) − (1 + tcm)z + t(1 − c)]}, h_k the eigenvalues of
 * {@code W₀W₀ᵀ/q}, and {@code ρ = Im m/π} at {@code z = x + i0}. Newton at {@code z = x + iη},
 * lowering η from twice the spectrum's extent to 1e-9 of it (at most 1e-9) so that each solve
 * starts next to the branch with {@code Im m > 0}; η scales with the spectrum, so a law of
 * narrow bumps (small t) is followed as closely as a wide one.
 * For c > 1 an atom of mass {@code 1 − 1/c} sits at 0. The CDF is tabulated (trapezoid rule).
 */
public final class TimeDependentMarchenkoPastur implements SpectralLaw {
    /** η runs from ETA_START·top down to ETA_END·min(1, top), top the upper bound of the spectrum. */
    private static final double ETA_START = 2.0, ETA_END = 1e-9;
    /** Newton stops when its step is this small relative to |m|... */
    private static final double STEP_TOLERANCE = 1e-14;
    /**
     * ...or, below this, when the step stops shrinking quadratically: the residual's rounding
     * floor (terms 1/D_k of a narrow bump cancel), which the tighter test may never reach.
     */
    private static final double ROUNDING_FLOOR = 1e-9;
    private static final int DEFAULT_GRID = 2_000;
    /** Every this many grid points the root followed along x is checked against the η continuation... */
    static final int CHECK_EVERY = 32;
    /** ...and kept when they agree to this, relative to 1 + |m|. */
    static final double CHECK_TOLERANCE = 1e-8;

    private final double[] h;
    private final double c, t, top, atom, etaStart, etaEnd;
    private final double[] gridX, gridCdf;
    /** The Stieltjes transform at each grid point (the end of the continuation), where {@link #density} starts. */
    private final double[] gridRe, gridIm;

    public TimeDependentMarchenkoPastur(double[] signalEigenvalues, double ratio, double t) {
        this(signalEigenvalues, ratio, t, DEFAULT_GRID);
    }

    public TimeDependentMarchenkoPastur(double[] signalEigenvalues, double ratio, double t, int grid) {
        if (signalEigenvalues.length == 0 || !(ratio > 0.0) || !(t > 0.0)) throw new IllegalArgumentException("need eigenvalues, c > 0, t > 0");
        this.h = signalEigenvalues.clone();
        this.c = ratio;
        this.t = t;
        this.atom = Math.max(0.0, 1.0 - 1.0 / ratio);
        double hMax = Arrays.stream(h).max().orElseThrow();
        // ‖Y‖/√q ≤ ‖W₀‖/√q + √t(1 + √c): nothing lies beyond
        double edge = Math.sqrt(Math.max(0.0, hMax)) + Math.sqrt(t) * (1.0 + Math.sqrt(c));
        this.top = 1.02 * edge * edge;
        this.etaStart = ETA_START * top;
        this.etaEnd = ETA_END * Math.min(1.0, top);
        gridX = new double[grid + 1];
        gridCdf = new double[grid + 1];
        gridRe = new double[grid + 1];
        gridIm = new double[grid + 1];
        double[] rho = gridDensity(grid);
        for (int k = 0; k <= grid; k++) {
            gridX[k] = top * k / grid;
            if (k > 0) gridCdf[k] = gridCdf[k - 1] + 0.5 * (rho[k] + rho[k - 1]) * (gridX[k] - gridX[k - 1]);
        }
        double total = gridCdf[grid];
        for (int k = 0; k <= grid; k++) gridCdf[k] = atom + (1.0 - atom) * gridCdf[k] / total;
    }

    @Override
    public double lower() {
        return 0.0;
    }

    @Override
    public double upper() {
        return top;
    }

    /**
     * The density at {@code x_k = top·k/grid}, k = 0 … grid. Each point's Newton solve at the
     * final η starts from its left neighbour's m (the grid follows the root along x, one solve a
     * point) instead of the η continuation (about thirty): where it does not converge to a root
     * with Im m ≥ 0, that point is continued in η as {@link #stieltjes} does. Every
     * {@link #CHECK_EVERY}-th point is also continued in η; if the two differ, the points since the
     * last check are all redone that way, so a root followed off its branch is not kept. Against
     * the η continuation at every point: within 1e-10 relative (60 random starts, 60 000 points),
     * about a third of the cost.
     */
    private double[] gridDensity(int grid) {
        double[] rho = new double[grid + 1];
        double[] mr = gridRe, mi = gridIm;
        int checked = 0;
        for (int k = 1; k < grid; k++) {
            double x = top * k / grid;
            Complex m = k == 1 ? null : solve(new Complex(mr[k - 1], mi[k - 1]), new Complex(x, etaEnd));
            if (m == null) m = stieltjes(x);
            if (k % CHECK_EVERY == 0 || k == grid - 1) {
                Complex full = stieltjes(x);
                if (full.subtract(m).norm() > CHECK_TOLERANCE * (1.0 + full.norm())) {
                    for (int j = checked + 1; j < k; j++) {
                        Complex redone = stieltjes(top * j / grid);
                        mr[j] = redone.getReal();
                        mi[j] = redone.getImaginary();
                    }
                }
                m = full;
                checked = k;
            }
            mr[k] = m.getReal();
            mi[k] = m.getImaginary();
        }
        for (int k = 1; k < grid; k++) rho[k] = Math.max(0.0, mi[k] / Math.PI);
        return rho;
    }

    /** The Stieltjes transform m(x + iη) at the end of the continuation. */
    public Complex stieltjes(double x) {
        double eta = etaStart;
        Complex m = new Complex(x, eta).reciprocal().negate();   // −1/z: large-|z| behaviour
        while (eta > etaEnd) {
            double next = Math.max(etaEnd, 0.5 * eta);
            Complex solved = solve(m, new Complex(x, next));
            while (solved == null) {   // too big a jump: approach the real axis more slowly
                next = Math.sqrt(next * eta);
                if (eta - next < 1e-3 * eta) throw new IllegalStateException("Dozier–Silverstein continuation stalled at x = " + x);
                solved = solve(m, new Complex(x, next));
            }
            m = solved;
            eta = next;
        }
        return m;
    }

    /**
     * Newton on {@code F(m) = m − mean_k 1/D_k(m)}, {@code D_k = h_k/a − az + t(1 − c)},
     * {@code a = 1 + tcm}; null when it does not converge to a root with {@code Im m ≥ 0}.
     * Complex arithmetic on primitive pairs: this loop is the whole cost of the law.
     */
    private Complex solve(Complex start, Complex z) {
        double mr = start.getReal(), mi = start.getImaginary(), zr = z.getReal(), zi = z.getImaginary();
        double tc = t * c, shift = t * (1.0 - c);
        double previous = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 50; iter++) {
            double ar = 1.0 + tc * mr, ai = tc * mi;                   // a = 1 + tcm
            double an = ar * ar + ai * ai, iar = ar / an, iai = -ai / an; // 1/a
            double cr = -(ar * zr - ai * zi) + shift, ci = -(ar * zi + ai * zr); // −az + t(1 − c)
            double q2r = iar * iar - iai * iai, q2i = 2 * iar * iai;      // 1/a²
            double qr = -tc * q2r, qi = -tc * q2i, rr = -tc * zr, ri = -tc * zi;
            double sr = 0, si = 0, dr = 0, di = 0;
            for (double hk : h) {
                double dre = hk * iar + cr, dim = hk * iai + ci;          // D_k
                double dn = dre * dre + dim * dim, ir = dre / dn, ii = -dim / dn; // 1/D_k
                sr += ir;
                si += ii;
                double ddr = hk * qr + rr, ddi = hk * qi + ri;            // D_k'
                double i2r = ir * ir - ii * ii, i2i = 2 * ir * ii;        // 1/D_k²
                dr += ddr * i2r - ddi * i2i;
                di += ddr * i2i + ddi * i2r;
            }
            int n = h.length;
            double fr = mr - sr / n, fi = mi - si / n;                   // F(m)
            double gr = 1.0 + dr / n, gi = di / n;                       // F'(m) = 1 + mean D_k'/D_k²
            double gn = gr * gr + gi * gi;
            double stepR = (fr * gr + fi * gi) / gn, stepI = (fi * gr - fr * gi) / gn;
            mr -= stepR;
            mi -= stepI;
            if (!Double.isFinite(mr) || !Double.isFinite(mi)) return null;
            // |·| as a plain square root: Math.hypot, exact against overflow no value here comes near,
            // cost as much as the rest of the iteration for a spectrum of a few levels
            double step = Math.sqrt(stepR * stepR + stepI * stepI), scale = 1.0 + Math.sqrt(mr * mr + mi * mi);
            boolean converged = step <= STEP_TOLERANCE * scale
                    || (step <= ROUNDING_FLOOR * scale && step > 0.25 * previous);
            if (converged) return mi >= 0.0 ? new Complex(mr, mi) : null;
            previous = step;
        }
        return null;
    }

    @Override
    /**
     * Newton at the final η from the nearest grid point's root; where it does not converge to a
     * root with Im m ≥ 0 within twice the root's change between neighbouring grid points (a
     * root off the branch would be further), the η continuation ({@link #stieltjes}).
     */
    public double density(double x) {
        if (x <= 0.0 || x >= top) return 0.0;
        int grid = gridX.length - 1;
        if (grid < 3) return Math.max(0.0, stieltjes(x).getImaginary() / Math.PI);
        int k = Math.max(1, Math.min(grid - 1, (int) Math.round(x / top * grid)));
        Complex start = new Complex(gridRe[k], gridIm[k]);
        Complex m = solve(start, new Complex(x, etaEnd));
        double reach = 0.0;
        for (int j = Math.max(1, k - 1); j < Math.min(grid - 1, k + 1); j++) {
            reach = Math.max(reach, Math.hypot(gridRe[j + 1] - gridRe[j], gridIm[j + 1] - gridIm[j]));
        }
        if (m == null || m.subtract(start).norm() > 2.0 * reach + CHECK_TOLERANCE * (1.0 + start.norm())) m = stieltjes(x);
        return Math.max(0.0, m.getImaginary() / Math.PI);
    }

    @Override
    public double cdf(double x) {
        if (x < 0.0) return 0.0;
        if (x >= top) return 1.0;
        int k = Math.min(gridX.length - 2, (int) (x / top * (gridX.length - 1)));
        double f = (x - gridX[k]) / (gridX[k + 1] - gridX[k]);
        return gridCdf[k] + f * (gridCdf[k + 1] - gridCdf[k]);
    }
}
