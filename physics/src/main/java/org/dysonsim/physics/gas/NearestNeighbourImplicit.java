package org.dysonsim.physics.gas;
// Over 300 lines: the Newton solve, its barrier terms and its line search share one set of work
// arrays and invariants, which read best in one file.

/**
 * The implicit half of the nearest-neighbour-implicit Euler step (docs/physics.md §2, in the spirit
 * of Ngo &amp; Taguchi, Ann. Appl. Probab. 30 (2020)):
 *
 * <pre>
 *   y = argmin_{y₁&lt;…&lt;y_N} Σ (y_i − z_i)²/(2hγ_i) − Σ log(y_{i+1} − y_i)
 *                        − Σ (c_lo/γ_i) log(y_i − lo) − Σ (c_hi/γ_i) log(hi − y_i)
 * </pre>
 *
 * Strictly convex with a barrier, so there is one ordered solution for every {@code z}:
 * particles cannot cross or collide at any step size. Solved by damped Newton on the
 * tridiagonal SPD Hessian (Thomas algorithm, O(N)), stopped on the Newton decrement.
 * Reflecting walls are zero-flux images folded into the same convex problem ({@link ReflectingWalls}).
 */
public final class NearestNeighbourImplicit {
    /** Stop when the squared Newton decrement falls below this (a relative test never stops near collisions). */
    static final double DECREMENT_TOLERANCE = 1e-16;
    /** Below this decrement the full Newton step is taken (quadratic convergence region). */
    static final double FULL_STEP_DECREMENT = 0.25;
    /** Below this squared decrement, stagnation is taken as the rounding floor (see {@link #solve}). */
    static final double ROUNDING_FLOOR = 1e-10;
    /** Damped steps may shrink a gap, or the distance to a wall, to no less than this fraction. */
    static final double KEEP_FRACTION = 0.01;
    static final int MAX_ITERATIONS = 200;
    /**
     * A full step taken from a squared decrement this small ends the solve without computing the
     * next direction just to check it. Φ is then standard self-concordant (a quadratic plus
     * −log of each gap), so a full Newton step from decrement λ leaves at most (λ/(1 − λ))²
     * (Nesterov, Introductory Lectures on Convex Optimization, Thm 4.1.14): from λ² ≤ 1e-9, a
     * squared decrement below 1e-18, inside {@link #DECREMENT_TOLERANCE}. Not with barrier walls,
     * whose log terms carry other coefficients. Saves one direction of about four at N = 2048.
     */
    static final double PREDICTED_STOP = 1e-9;
    /**
     * Sweeps that refine the start's gaps for their neighbours' pushes. Each is cheap (no
     * dependency between rows); four halve the Newton iterations at N = 2048 (7.2 to 3.2 in the
     * benchmark gas), where the pairs' pushes on each other are what the plain two-body start misses.
     */
    static final int START_SWEEPS = 4;

    private final int n;
    private final double[] grad, diag, off, delta, c, trial, invHGamma, gaps, nextGaps;
    private ReflectingWalls reflecting;

    public NearestNeighbourImplicit(int n) {
        this.n = n;
        grad = new double[n];
        diag = new double[n];
        off = new double[Math.max(n - 1, 1)];
        delta = new double[n];
        c = new double[n];
        trial = new double[n];
        invHGamma = new double[n];
        gaps = new double[n];
        nextGaps = new double[n];
    }

    /**
     * Solves for {@code y} given the explicit prediction {@code z} (not modified).
     *
     * @return the number of Newton iterations
     * @throws NonFiniteStateException if {@code z} is not finite or no ordered solution is found
     */
    public int solve(GasModel model, double[] z, double h, double[] y) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(z[i])) {
                throw new NonFiniteStateException("explicit prediction of eigenvalue " + i + " is " + z[i]);
            }
        }
        if (ReflectingWalls.present(model)) {
            if (reflecting == null) reflecting = new ReflectingWalls(this, n);
            return reflecting.solve(model, z, h, y);
        }
        return solveInsideBarriers(model, z, h, y);
    }

    /** The solve with barrier walls only (a reflecting wall is treated as absent). */
    int solveInsideBarriers(GasModel model, double[] z, double h, double[] y) {
        double[] gamma = model.coulomb();
        Wall lower = model.lower();
        Wall upper = model.upper();
        System.arraycopy(z, 0, trial, 0, n);
        double[] target = trial;
        double lo = lower.kind() == Wall.Kind.BARRIER ? lower.position() : Double.NEGATIVE_INFINITY;
        double hi = upper.kind() == Wall.Kind.BARRIER ? upper.position() : Double.POSITIVE_INFINITY;
        // the implicit share of the barriers' forces; the rest is in the prediction (ExplicitPredictor)
        double cLo = lower.kind() == Wall.Kind.BARRIER ? Wall.IMPLICIT_SHARE * lower.coefficient() : 0.0;
        double cHi = upper.kind() == Wall.Kind.BARRIER ? Wall.IMPLICIT_SHARE * upper.coefficient() : 0.0;
        initialGuess(target, gamma, h, lo, hi, y);
        for (int i = 0; i < n; i++) invHGamma[i] = 1.0 / (h * gamma[i]);
        int iterations = 0;
        double previous = Double.POSITIVE_INFINITY;
        while (true) {
            double dec2 = newtonDirection(target, gamma, h, lo, hi, cLo, cHi, y);
            if (dec2 <= DECREMENT_TOLERANCE) break;
            // Newton converges quadratically; a decrement that stops falling while tiny is the
            // rounding floor of the gradient (large terms cancelling), not a lack of convergence.
            if (dec2 <= ROUNDING_FLOOR && dec2 > 0.25 * previous) break;
            previous = dec2;
            if (++iterations > MAX_ITERATIONS) {
                throw new NonFiniteStateException("implicit step did not converge (Newton decrement² " + dec2 + ")");
            }
            double decrement = Math.sqrt(dec2);
            double step;
            if (decrement < FULL_STEP_DECREMENT) {
                // Quadratic region: the full Newton step; only feasibility is checked, because the
                // objective's change is then below its rounding error.
                step = 1.0;
                while (!feasibleAfter(step, y, lo, hi)) step *= 0.5;
            } else {
                step = Math.min(1.0, maxFeasibleStep(y, lo, hi));
                while (change(step, target, gamma, h, lo, hi, cLo, cHi, y) > -0.25 * step * dec2) {
                    step *= 0.5;
                    if (step < 1e-20) {
                        throw new NonFiniteStateException("implicit step line search failed (Newton decrement² " + dec2 + ")");
                    }
                }
            }
            for (int i = 0; i < n; i++) y[i] += step * delta[i];
            if (step == 1.0 && dec2 <= PREDICTED_STOP && cLo == 0.0 && cHi == 0.0) break;
        }
        return iterations;
    }

    /**
     * Where Newton starts: every neighbour pair at its exact two-body gap
     * {@code d_i = (δ_i + √(δ_i² + 4h(γ_i + γ_{i+1})))/2}, each particle moving in proportion to
     * its γ, the pair corrections superposed. Alone, that misses how neighbouring pairs push on
     * each other (a pair pushed apart hard squeezes the next one), so the gaps are first refined by
     * {@link #START_SWEEPS} Jacobi sweeps, each pair's gap the two-body gap of its separation less
     * its neighbours' pushes {@code hγ/d} from the previous sweep. This is local, so it stays close
     * to the solution at any N; if the order still breaks, the two-body gaps are chained instead
     * and shifted to the mean of z.
     */
    private void initialGuess(double[] z, double[] gamma, double h, double lo, double hi, double[] y) {
        if (!superposedTwoBodyGaps(z, gamma, h, y)) chainedTwoBodyGaps(z, gamma, h, y);
        keepInsideWalls(gamma, h, lo, hi, y);
    }

    private static double twoBodyGap(double delta, double g, double h) {
        double root = Math.sqrt(delta * delta + 4.0 * h * g);
        // the positive root of gap² − δ·gap − h(γ_i + γ_{i+1}) = 0, in the form free of cancellation
        double gap = delta >= 0 ? 0.5 * (delta + root) : 2.0 * h * g / (root - delta);
        return Math.max(gap, 1e-3 * Math.sqrt(0.5 * g * h));
    }

    /**
     * The superposed start. Each sweep is written as two loops, the first free of branches (the
     * pushes, the shifted separations and their square roots, which the compiler vectorises), the
     * second the choice of root form; what does not change between sweeps (the separations, hγ,
     * 4h(γ_i + γ_{i+1}) and the gap's floor) is computed once. Every value is formed by the same
     * operations in the same order as {@link #twoBodyGap} forms it, so the gaps are the same bits.
     * The Newton solve's arrays, not yet in use, hold the per-pair values.
     */
    private boolean superposedTwoBodyGaps(double[] z, double[] gamma, double h, double[] y) {
        double[] gap = gaps, next = nextGaps;
        double[] separation = grad, fourHg = diag, floor = off, shifted = delta, root = c, hGamma = invHGamma;
        for (int i = 0; i < n; i++) hGamma[i] = h * gamma[i];
        for (int i = 0; i + 1 < n; i++) {
            double g = gamma[i] + gamma[i + 1];
            separation[i] = z[i + 1] - z[i];
            fourHg[i] = 4.0 * h * g;
            floor[i] = 1e-3 * Math.sqrt(0.5 * g * h);
            gap[i] = twoBodyGap(separation[i], g, h);
        }
        for (int sweep = 0; sweep < START_SWEEPS; sweep++) {
            if (n == 2) {
                shifted[0] = separation[0] - (0.0 + 0.0);
            } else if (n > 2) {
                shifted[0] = separation[0] - (0.0 + hGamma[1] / gap[1]);
                for (int i = 1; i + 2 < n; i++) {
                    shifted[i] = separation[i] - (hGamma[i] / gap[i - 1] + hGamma[i + 1] / gap[i + 1]);
                }
                shifted[n - 2] = separation[n - 2] - (hGamma[n - 2] / gap[n - 3] + 0.0);
            }
            for (int i = 0; i + 1 < n; i++) root[i] = Math.sqrt(shifted[i] * shifted[i] + fourHg[i]);
            for (int i = 0; i + 1 < n; i++) {
                double d = shifted[i];
                double gapped = d >= 0 ? 0.5 * (d + root[i]) : 2.0 * h * (gamma[i] + gamma[i + 1]) / (root[i] - d);
                next[i] = Math.max(gapped, floor[i]);
            }
            double[] t = gap;
            gap = next;
            next = t;
        }
        // particle i is pushed by its pairs: + hγ_i/d_{i−1} from the left, − hγ_i/d_i from the right
        for (int i = 0; i < n; i++) {
            double left = i > 0 ? 1.0 / gap[i - 1] : 0.0;
            double right = i + 1 < n ? 1.0 / gap[i] : 0.0;
            y[i] = z[i] + hGamma[i] * (left - right);
        }
        for (int i = 0; i + 1 < n; i++) {
            if (!(y[i + 1] > y[i])) return false;
        }
        return true;
    }

    private void chainedTwoBodyGaps(double[] z, double[] gamma, double h, double[] y) {
        y[0] = 0.0;
        for (int i = 0; i + 1 < n; i++) y[i + 1] = y[i] + twoBodyGap(z[i + 1] - z[i], gamma[i] + gamma[i + 1], h);
        double shift = 0.0;
        for (int i = 0; i < n; i++) shift += z[i] - y[i];
        shiftAll(y, shift / n);
    }

    private void keepInsideWalls(double[] gamma, double h, double lo, double hi, double[] y) {
        boolean hasLo = lo > Double.NEGATIVE_INFINITY;
        boolean hasHi = hi < Double.POSITIVE_INFINITY;
        if (!hasLo && !hasHi) return;
        double span = y[n - 1] - y[0];
        if (hasLo && hasHi) {
            double room = hi - lo;
            double margin = room / (4.0 * (n + 1));
            if (span > room - 2 * margin) {
                double scale = (room - 2 * margin) / Math.max(span, Double.MIN_NORMAL);
                double base = y[0];
                for (int i = 0; i < n; i++) y[i] = lo + margin + (y[i] - base) * scale;
                if (n == 1) y[0] = 0.5 * (lo + hi);
                return;
            }
            if (y[0] < lo + margin) shiftAll(y, lo + margin - y[0]);
            if (y[n - 1] > hi - margin) shiftAll(y, hi - margin - y[n - 1]);
        } else if (hasLo) {
            double margin = Math.max(1e-3 * Math.sqrt(gamma[0] * h), 1e-12 * Math.max(1.0, Math.abs(lo)));
            if (y[0] < lo + margin) shiftAll(y, lo + margin - y[0]);
        } else {
            double margin = Math.max(1e-3 * Math.sqrt(gamma[n - 1] * h), 1e-12 * Math.max(1.0, Math.abs(hi)));
            if (y[n - 1] > hi - margin) shiftAll(y, hi - margin - y[n - 1]);
        }
    }

    private void shiftAll(double[] y, double s) {
        for (int i = 0; i < n; i++) y[i] += s;
    }

    /** Fills {@link #delta} with the Newton direction; returns the squared Newton decrement. */
    private double newtonDirection(double[] z, double[] gamma, double h, double lo, double hi, double cLo, double cHi,
                                   double[] y) {
        for (int i = 0; i < n; i++) {
            double inv = invHGamma[i];
            grad[i] = (y[i] - z[i]) * inv;
            diag[i] = inv;
            if (cLo != 0.0) {
                double r = 1.0 / (y[i] - lo);
                grad[i] -= cLo / gamma[i] * r;
                diag[i] += cLo / gamma[i] * r * r;
            }
            if (cHi != 0.0) {
                double r = 1.0 / (hi - y[i]);
                grad[i] += cHi / gamma[i] * r;
                diag[i] += cHi / gamma[i] * r * r;
            }
        }
        // each pair's 1/gap first (no dependency between pairs: vectorised), then each row takes
        // its left pair's term and its right pair's, in that order, as a running sum over the
        // pairs would add them
        double[] r = c;
        for (int i = 0; i + 1 < n; i++) r[i] = 1.0 / (y[i + 1] - y[i]);
        for (int i = 0; i + 1 < n; i++) off[i] = -(r[i] * r[i]);
        if (n > 1) {
            grad[0] += r[0];
            diag[0] += r[0] * r[0];
            for (int i = 1; i + 1 < n; i++) {
                grad[i] = grad[i] - r[i - 1] + r[i];
                diag[i] = diag[i] + r[i - 1] * r[i - 1] + r[i] * r[i];
            }
            grad[n - 1] -= r[n - 2];
            diag[n - 1] += r[n - 2] * r[n - 2];
        }
        solveTridiagonal();
        double dec2 = 0.0;
        for (int i = 0; i < n; i++) dec2 -= grad[i] * delta[i];
        if (!Double.isFinite(dec2)) {
            throw new NonFiniteStateException("implicit step produced a non-finite Newton direction");
        }
        return dec2;
    }

    /**
     * H·delta = −grad by the twisted (two-sided) Thomas algorithm: rows above the middle are
     * eliminated downwards and rows below it upwards in the same loop, the middle row is solved
     * and both halves substituted back outwards. The two halves are independent chains of
     * dependent divisions, so the processor overlaps them: about half the latency of the
     * one-sided sweep. {@link #c} holds the reciprocal pivots, one division a row.
     */
    private void solveTridiagonal() {
        int k = n / 2;
        int below = n - 1 - k;
        if (k > 0) {
            c[0] = 1.0 / diag[0];
            delta[0] = -grad[0];
        }
        if (below > 0) {
            c[n - 1] = 1.0 / diag[n - 1];
            delta[n - 1] = -grad[n - 1];
        }
        int both = Math.min(k, below);
        for (int t = 1; t < both; t++) {
            int i = t;
            double mi = off[i - 1] * c[i - 1];
            c[i] = 1.0 / (diag[i] - mi * off[i - 1]);
            delta[i] = -grad[i] - mi * delta[i - 1];
            int j = n - 1 - t;
            double mj = off[j] * c[j + 1];
            c[j] = 1.0 / (diag[j] - mj * off[j]);
            delta[j] = -grad[j] - mj * delta[j + 1];
        }
        for (int i = Math.max(both, 1); i < k; i++) {
            double mi = off[i - 1] * c[i - 1];
            c[i] = 1.0 / (diag[i] - mi * off[i - 1]);
            delta[i] = -grad[i] - mi * delta[i - 1];
        }
        double pivot = diag[k];
        double rhs = -grad[k];
        if (k > 0) {
            double m = off[k - 1] * c[k - 1];
            pivot -= m * off[k - 1];
            rhs -= m * delta[k - 1];
        }
        if (below > 0) {
            double m = off[k] * c[k + 1];
            pivot -= m * off[k];
            rhs -= m * delta[k + 1];
        }
        delta[k] = rhs / pivot;
        for (int t = 1; t <= both; t++) {
            int i = k - t;
            delta[i] = (delta[i] - off[i] * delta[i + 1]) * c[i];
            int j = k + t;
            delta[j] = (delta[j] - off[j - 1] * delta[j - 1]) * c[j];
        }
        for (int i = k - both - 1; i >= 0; i--) {
            delta[i] = (delta[i] - off[i] * delta[i + 1]) * c[i];
        }
    }

    /** The largest step ≤ 1 that keeps every gap and wall distance at least {@link #KEEP_FRACTION} of its value. */
    private double maxFeasibleStep(double[] y, double lo, double hi) {
        double t = 1.0;
        for (int i = 0; i + 1 < n; i++) {
            double closing = delta[i] - delta[i + 1];
            if (closing > 0) t = Math.min(t, (1 - KEEP_FRACTION) * (y[i + 1] - y[i]) / closing);
        }
        if (lo > Double.NEGATIVE_INFINITY && delta[0] < 0) t = Math.min(t, (1 - KEEP_FRACTION) * (y[0] - lo) / -delta[0]);
        if (hi < Double.POSITIVE_INFINITY) {
            for (int i = 0; i < n; i++) {
                if (delta[i] > 0) t = Math.min(t, (1 - KEEP_FRACTION) * (hi - y[i]) / delta[i]);
            }
        }
        if (lo > Double.NEGATIVE_INFINITY) {
            for (int i = 0; i < n; i++) {
                if (delta[i] < 0) t = Math.min(t, (1 - KEEP_FRACTION) * (y[i] - lo) / -delta[i]);
            }
        }
        return t;
    }

    private boolean feasibleAfter(double t, double[] y, double lo, double hi) {
        for (int i = 0; i + 1 < n; i++) {
            if (!(y[i + 1] + t * delta[i + 1] > y[i] + t * delta[i])) return false;
        }
        return y[0] + t * delta[0] > lo && y[n - 1] + t * delta[n - 1] < hi;
    }

    /**
     * Φ(y + tΔ) − Φ(y), computed term by term (with log1p) so it stays accurate when Φ itself
     * is large; +∞ when the trial point leaves the domain.
     */
    private double change(double t, double[] z, double[] gamma, double h, double lo, double hi, double cLo, double cHi,
                          double[] y) {
        if (!feasibleAfter(t, y, lo, hi)) return Double.POSITIVE_INFINITY;
        double d = 0.0;
        for (int i = 0; i < n; i++) {
            double s = t * delta[i];
            d += s * (2 * (y[i] - z[i]) + s) / (2 * h * gamma[i]);
            if (cLo != 0.0) d -= cLo / gamma[i] * Math.log1p(s / (y[i] - lo));
            if (cHi != 0.0) d -= cHi / gamma[i] * Math.log1p(-s / (hi - y[i]));
        }
        for (int i = 0; i + 1 < n; i++) {
            d -= Math.log1p(t * (delta[i + 1] - delta[i]) / (y[i + 1] - y[i]));
        }
        return d;
    }
}
