package org.dysonsim.actors;

import org.dysonsim.physics.sgd.MinibatchGradient;
import org.dysonsim.physics.sgd.SingularPairs;
import org.dysonsim.protocol.MatrixLossCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.ejml.data.DMatrixRMaj;

/** Between the physics of matrix training and the plain arrays its messages and events carry. */
final class MatrixMessages {
    private MatrixMessages() {}

    static MatrixLossCommand.Directions directions(SingularPairs pairs) {
        return new MatrixLossCommand.Directions(pairs.values().clone(), pairs.left().data.clone(), pairs.right().data.clone());
    }

    /** Null for null. */
    static SingularPairs pairs(MatrixLossCommand.Directions d, int rows, int cols) {
        if (d == null) return null;
        int k = d.values().length;
        return new SingularPairs(d.values(), DMatrixRMaj.wrap(rows, k, d.left()), DMatrixRMaj.wrap(cols, k, d.right()));
    }

    /** The gradient record of the state after step {@code step}, from the gradient that step + 1 applies. */
    static TrajectoryEvent.GradientRecorded record(long step, double t, SingularPairs pairs, MatrixLossCommand.Gradient g) {
        return new TrajectoryEvent.GradientRecorded(step, t, g.loss(), pairs.values().clone(), g.projections(),
                g.projectionVariances(), g.noiseVariance());
    }

    static TrajectoryEvent.GradientRecorded record(long step, double t, SingularPairs pairs, MinibatchGradient g) {
        return new TrajectoryEvent.GradientRecorded(step, t, g.loss(), pairs.values().clone(), g.projections(),
                g.projectionVariances(), g.noiseVariance());
    }
}
