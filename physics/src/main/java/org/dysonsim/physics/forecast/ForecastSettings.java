package org.dysonsim.physics.forecast;

import org.dysonsim.physics.gas.WishartConvention;

/**
 * How a {@link SingularValueForecast} is made.
 *
 * @param learningRate η of the SGD update {@code W ← W − η G_B}
 * @param rows         m, rows of W (m ≥ the number of singular values)
 * @param replicates   bootstrap replicates B, each one resampled drift and one simulated path
 * @param level        central probability of the band, e.g. 0.9
 * @param convention   the singular-value equation (Bru's by default; Olsen's printed form for comparison)
 * @param diffusion    D per step; NaN: estimated from the gradients themselves (see {@link SingularValueForecast})
 * @param seed         seed of the resampling and of the simulated noise
 * @param rankDiffusion null (isotropic noise: D for everything), or D per step of the noise of each
 *                     top-k singular value (rank 0 = the largest), {@code diffusion} then being the
 *                     isotropic D of the rest and of the Coulomb, image and wall terms
 */
public record ForecastSettings(double learningRate, int rows, int replicates, double level, WishartConvention convention,
                               double diffusion, long seed, double[] rankDiffusion) {
    public static final int DEFAULT_REPLICATES = 200;
    public static final double DEFAULT_LEVEL = 0.9;

    public ForecastSettings {
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (replicates < 2) throw new IllegalArgumentException("need at least 2 replicates, got " + replicates);
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }

    /** Isotropic noise. */
    public ForecastSettings(double learningRate, int rows, int replicates, double level, WishartConvention convention, double diffusion,
                            long seed) {
        this(learningRate, rows, replicates, level, convention, diffusion, seed, null);
    }

    /** Bru's convention, D from the gradients, {@link #DEFAULT_REPLICATES} replicates, a 90 % band. */
    public static ForecastSettings of(double learningRate, int rows, long seed) {
        return new ForecastSettings(learningRate, rows, DEFAULT_REPLICATES, DEFAULT_LEVEL, WishartConvention.BRU, Double.NaN, seed);
    }

    public ForecastSettings withConvention(WishartConvention c) {
        return new ForecastSettings(learningRate, rows, replicates, level, c, diffusion, seed, rankDiffusion);
    }

    public ForecastSettings withDiffusion(double d) {
        return new ForecastSettings(learningRate, rows, replicates, level, convention, d, seed, rankDiffusion);
    }
}
