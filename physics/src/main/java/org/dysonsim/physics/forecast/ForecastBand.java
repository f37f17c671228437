package org.dysonsim.physics.forecast;

/**
 * A forecast of the top-k singular values: per horizon h (steps after the origin) and rank k
 * (0 = the largest) the median and the central band of the simulated replicates.
 *
 * @param drift     the gradient drift −η·mean(u_kᵀG_Bv_k) per step of each rank, from all samples
 * @param diffusion the D per step used (estimated or given)
 */
public record ForecastBand(long[] horizons, double[][] median, double[][] lower, double[][] upper, double[] drift,
                           double diffusion, double level) {

    public int ranks() {
        return drift.length;
    }

    public boolean covers(int h, int k, double value) {
        return value >= lower[h][k] && value <= upper[h][k];
    }
}
