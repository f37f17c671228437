package org.dysonsim.actors;

import java.util.List;
import org.dysonsim.protocol.TrajectoryEvent;

/**
 * The recorded snapshots of one member: {@code values[k]} are the positions after nominal step
 * {@code steps[k]}. A matrix-level run also has its gradient records, one per snapshot in step
 * order ({@code gradients.get(k).step() == steps[k]} when the run recorded them all); a
 * particle-level run has none.
 */
public record MemberTrajectory(int member, long[] steps, double[] times, double[][] values,
                               List<TrajectoryEvent.GradientRecorded> gradients) {
    public MemberTrajectory {
        gradients = List.copyOf(gradients);
    }

    /** A particle-level trajectory: no gradient records. */
    public MemberTrajectory(int member, long[] steps, double[] times, double[][] values) {
        this(member, steps, times, values, List.of());
    }
}
