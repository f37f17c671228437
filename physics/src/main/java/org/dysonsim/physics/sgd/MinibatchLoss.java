package org.dysonsim.physics.sgd;

import org.ejml.data.DMatrixRMaj;

/**
 * A loss that computes real minibatch gradients from a data set it generates from the seed. The
 * minibatch of step s is {@link Minibatch#indices} of (seed, member, s).
 */
public sealed interface MinibatchLoss permits RbmPcdLoss, TeacherStudentLoss, ZeroGradientLoss {

    /**
     * The minibatch gradient of step {@code step} at {@code w} (not modified). With {@code pairs}
     * non-null it also returns the gradient record's statistics on those singular pairs. May
     * advance internal state (the RBM's persistent chains): call once per step, in step order.
     */
    MinibatchGradient gradient(long step, DMatrixRMaj w, SingularPairs pairs);

    /** The loss on the minibatch of step {@code step} at {@code w}; no side effects. */
    double loss(long step, DMatrixRMaj w);

    /**
     * The state that {@link #gradient} advances (the RBM's persistent chains), a copy; empty for a
     * loss without one. With W and the step it is all a checkpoint needs: the data are a function
     * of the seed.
     */
    default double[] state() {
        return new double[0];
    }

    /**
     * Sets the state saved by {@link #state} of a loss made with the same settings, so that the
     * next gradients are those the saved loss would have given.
     *
     * @throws IllegalArgumentException if the state does not fit this loss
     */
    default void restore(double[] state) {
        if (state.length != 0) throw new IllegalArgumentException("this loss has no state, got " + state.length + " values");
    }

    /**
     * The loss of a W of {@code rows}×{@code cols} with {@code dataSize} samples, minibatches of
     * {@code batch}, data (and chains) drawn for ({@code seed}, {@code member}).
     */
    static MinibatchLoss create(LossSpec spec, int rows, int cols, int dataSize, int batch, long seed, long member) {
        if (spec instanceof LossSpec.RbmPcd rbm) return new RbmPcdLoss(rbm, rows, cols, dataSize, batch, seed, member);
        if (spec instanceof LossSpec.TeacherStudent ts) {
            return new TeacherStudentLoss(ts, rows, cols, dataSize, batch, seed, member);
        }
        return new ZeroGradientLoss((LossSpec.ZeroGradient) spec, rows, cols, dataSize, batch, seed, member);
    }
}
