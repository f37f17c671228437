package org.dysonsim.physics.gas;

import org.dysonsim.physics.rng.CounterStream;
import org.dysonsim.physics.rng.Samplers;

/**
 * Exact transition sampling of the square-root diffusion {@code dλ = (α₀ − β₁λ)dt + √(8ηDλ)dW}
 * (docs/physics.md §2): {@code λ_{t+h} = c·χ'²_d(λ_nc)} with {@code c = 2ηD(1 − e^{−β₁h})/β₁},
 * {@code d = α₀/(2ηD)}, {@code λ_nc = λ_t e^{−β₁h}/c}. Never negative, exact at any h.
 */
public final class CirExact {
    private CirExact() {}

    public static double step(CirModel model, double lambda, double h, long seed, long member, int index, long step) {
        double etaD = model.etaD();
        double beta = model.beta1();
        double c = beta == 0.0 ? 2.0 * etaD * h : 2.0 * etaD * -Math.expm1(-beta * h) / beta;
        double d = model.alpha0() / (2.0 * etaD);
        double nc = lambda * Math.exp(-beta * h) / c;
        CounterStream r = new CounterStream(seed, member, index, step, 0);
        return c * Samplers.noncentralChiSquared(d, nc, r);
    }

    /** Advances every mode of {@code x} in place over nominal step {@code step}. */
    public static void advance(CirModel model, double[] x, long step, double dt, long seed, long member, int from, int to) {
        for (int i = from; i < to; i++) x[i] = step(model, x[i], dt, seed, member, i, step);
    }
}
