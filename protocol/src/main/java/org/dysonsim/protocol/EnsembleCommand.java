package org.dysonsim.protocol;

import java.util.ArrayList;
import java.util.List;

/** The protocol of an ensemble: what its member supervisors report. */
public sealed interface EnsembleCommand extends Wire
        permits EnsembleCommand.MemberProgress, EnsembleCommand.MemberFinished {

    /** Member {@code member} has done {@code step} nominal steps. */
    record MemberProgress(int member, long step) implements EnsembleCommand {}

    /**
     * Member {@code member} is done: its recorded snapshots ({@code values[k]} after nominal step
     * {@code steps[k]}), the gradient records of a matrix-level run (empty otherwise), how often
     * its actors were restarted, and its failure (null on success).
     */
    record MemberFinished(int member, long[] steps, double[] times, double[][] values,
                          List<TrajectoryEvent.GradientRecorded> gradients, int restarts, String failure)
            implements EnsembleCommand {
        public MemberFinished {
            gradients = new ArrayList<>(gradients); // the one list class the Kryo table knows
        }

        public MemberFinished(int member, long[] steps, double[] times, double[][] values, int restarts, String failure) {
            this(member, steps, times, values, new ArrayList<>(), restarts, failure);
        }
    }
}
