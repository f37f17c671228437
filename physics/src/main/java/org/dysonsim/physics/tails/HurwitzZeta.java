package org.dysonsim.physics.tails;

/**
 * The Hurwitz zeta function {@code ζ(s, q) = Σ_{k≥0} (q + k)^{−s}}, s &gt; 1, q &gt; 0, the normaliser of
 * the discrete power law (docs/physics.md §8). Direct terms until {@code q + k ≥ 16}, then the
 * Euler–Maclaurin remainder {@code a^{1−s}/(s−1) + a^{−s}/2 + Σ_j B_{2j}/(2j)! · s(s+1)⋯(s+2j−2) a^{−s−2j+1}}
 * with six Bernoulli terms: the next term is below {@code 1e-16} of the sum for s ≤ 20.
 */
public final class HurwitzZeta {
    private static final double SHIFT = 16.0;
    /** B_{2j}/(2j)! for j = 1..6. */
    private static final double[] BERNOULLI = {1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160,
        -691.0 / 1307674368000.0};

    private HurwitzZeta() {}

    public static double of(double s, double q) {
        if (!(s > 1.0) || !(q > 0.0)) throw new IllegalArgumentException("need s > 1 and q > 0, got s=" + s + ", q=" + q);
        double sum = 0.0, a = q;
        while (a < SHIFT) {
            sum += Math.pow(a, -s);
            a += 1.0;
        }
        double power = Math.pow(a, -s);
        sum += a * power / (s - 1.0) + 0.5 * power;
        double rising = s, term = power / a, inverseSquare = 1.0 / (a * a);
        for (int j = 0; j < BERNOULLI.length; j++) {
            sum += BERNOULLI[j] * rising * term;
            rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
            term *= inverseSquare;
        }
        return sum;
    }
}
