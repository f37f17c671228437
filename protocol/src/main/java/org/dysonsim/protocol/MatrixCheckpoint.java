package org.dysonsim.protocol;

/**
 * Where a matrix-level member resumes: W after step {@code step} (rows × cols, row-major), its
 * momentum and the loss's state ({@code lossState}: the RBM's persistent chains, empty for the
 * other losses). The data and every minibatch are functions of the seed, so from here the member
 * continues bit for bit as if it had never stopped.
 */
public record MatrixCheckpoint(long step, int rows, int cols, double[] weights, double[] velocity, double[] lossState)
        implements Wire {

    public MatrixCheckpoint {
        if (weights.length != (long) rows * cols || velocity.length != weights.length) {
            throw new IllegalArgumentException("a checkpoint of " + rows + "×" + cols + " holds " + weights.length
                    + " weights and " + velocity.length + " momenta");
        }
    }
}
