package org.dysonsim.physics.init;

import java.util.Arrays;

/**
 * Eigenvalues of a symmetric tridiagonal matrix by the implicit QL method with Wilkinson-type
 * shifts (Bowdler, Martin, Reinsch and Wilkinson, Numer. Math. 11 (1968), EISPACK's tql1), with
 * no eigenvectors: O(n) memory and about O(n²) work, where a dense decomposition needs n²
 * doubles before it starts.
 */
final class TridiagonalEigenvalues {
    private static final int MAX_SWEEPS = 60;

    private TridiagonalEigenvalues() {}

    /**
     * @param diagonal    d_0 … d_{n−1} (not modified)
     * @param offDiagonal e_0 … e_{n−2}, e_i between rows i and i + 1 (not modified)
     * @return the n eigenvalues, ascending
     */
    static double[] of(double[] diagonal, double[] offDiagonal) {
        int n = diagonal.length;
        double[] d = diagonal.clone();
        double[] e = Arrays.copyOf(offDiagonal, n);
        if (n > 0) e[n - 1] = 0.0;
        for (int l = 0; l < n; l++) {
            int sweeps = 0;
            while (true) {
                int m = l;
                // the first negligible off-diagonal element at or after l splits the matrix there
                while (m < n - 1 && Math.abs(e[m]) > Math.ulp(Math.abs(d[m]) + Math.abs(d[m + 1]))) m++;
                if (m == l) break;
                if (++sweeps > MAX_SWEEPS) throw new IllegalStateException("tridiagonal QL did not converge at row " + l);
                double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                double r = Math.sqrt(g * g + 1.0);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1.0, c = 1.0, p = 0.0;
                boolean deflated = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.sqrt(f * f + g * g);
                    e[i + 1] = r;
                    if (r == 0.0) {
                        // underflow: the matrix splits at i + 1
                        d[i + 1] -= p;
                        e[m] = 0.0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (deflated) continue;
                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
        }
        Arrays.sort(d);
        return d;
    }
}
