package org.dysonsim.physics.laws;

/**
 * The largest eigenvalue of a GOE matrix of off-diagonal variance v (diagonal 2v) shifted by c,
 * as the Tracy–Widom variable of docs/physics.md §3,
 * {@code χ = (λ_max − c − 2√(v(N − ½))) / (√v N^{−1/6})}, which follows F₁ as N → ∞ (the
 * N^{−2/3} scaling: the edge 2√(vN) fluctuates by √v N^{−1/6} = 2√(vN) · N^{−2/3} / 2).
 */
public record GoeEdge(int n, double variance, double shift) {
    public GoeEdge {
        if (n < 1 || !(variance > 0.0) || !Double.isFinite(shift)) throw new IllegalArgumentException("need n ≥ 1, v > 0, finite shift");
    }

    /** The Tracy–Widom variable of one largest eigenvalue. */
    public double scaled(double lambdaMax) {
        return TracyWidom.goeEdgeVariable(lambdaMax - shift, n, variance);
    }

    /** Where the edge is centred: {@code c + 2√(v(N − ½))}. */
    public double centre() {
        return shift + TracyWidom.goeEdgeCentre(n, variance);
    }

    /** Its fluctuation scale {@code √v N^{−1/6}}. */
    public double scale() {
        return TracyWidom.goeEdgeScale(n, variance);
    }

    /**
     * A GOE start of off-diagonal variance σ² after Dyson Brownian motion (β = 1, noise g²) for a
     * time t in the well {@code K = −a(x − c)} ({@code a = 0}: no drift). By the matrix picture of
     * docs/physics.md §3, {@code H(t) = c(1 − e^{−at}) + e^{−at}H₀ + g√((1 − e^{−2at})/(2a)) G}
     * with G a GOE of variance 1 independent of H₀: again a GOE, of variance
     * {@code e^{−2at}σ² + g²(1 − e^{−2at})/(2a)} ({@code σ² + g²t} at a = 0), shifted by
     * {@code c(1 − e^{−at})}. At σ² = g²/(2a), c = 0 it is the start's law at every t.
     */
    public static GoeEdge afterDysonOu(int n, double sigma2, double a, double centre, double g2, double t) {
        if (!(a >= 0.0 && g2 > 0.0 && t >= 0.0 && sigma2 > 0.0)) throw new IllegalArgumentException("need a ≥ 0, g² > 0, t ≥ 0, σ² > 0");
        double noise = a == 0.0 ? g2 * t : -g2 * Math.expm1(-2.0 * a * t) / (2.0 * a);
        double shrink = Math.exp(-a * t);
        return new GoeEdge(n, shrink * shrink * sigma2 + noise, -centre * Math.expm1(-a * t));
    }
}
