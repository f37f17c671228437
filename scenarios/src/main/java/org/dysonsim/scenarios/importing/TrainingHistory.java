package org.dysonsim.scenarios.importing;

import java.io.IOException;
import org.dysonsim.protocol.LayerLayout;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * A training run found in a researcher's files, its layout known from headers alone: weight
 * matrices ({@link WeightHistory}) or per-step singular values ({@link SingularValueHistory}).
 * It is read twice: once through to check it, once to record it.
 */
public interface TrainingHistory {

    /** What was imported (a path), named in messages. */
    String source();

    /** The layout recognised, e.g. {@code npz}. */
    String format();

    LayerLayout layout();

    /** Independent runs (seeds) in the files; each becomes a member. */
    int members();

    /** The training step of each record, increasing; every member has these records. */
    long[] steps();

    /** The learning rate and batch size saved with the run, {@link TrainingSchedule#NONE} when none were. */
    default TrainingSchedule schedule() {
        return TrainingSchedule.NONE;
    }

    /** Reads every record, refusing the first bad value with an {@link ScenarioException}; {@code each} after each record. */
    void check(Runnable each) throws IOException;

    /** Every record as the journal holds it, member after member, record after record. */
    void record(RecordSink sink) throws IOException;

    /**
     * Receives the records of {@link #record}; {@code gradient} is null when the files have no
     * gradients or losses, {@code distances} (the layers' random distances, in a metrics record
     * whose losses and accuracy are unknown, NaN) when they have no weight matrices.
     */
    @FunctionalInterface
    interface RecordSink {
        void accept(int member, int record, TrajectoryEvent.SnapshotRecorded snapshot,
                    TrajectoryEvent.GradientRecorded gradient, TrajectoryEvent.NetworkMetricsRecorded distances)
                throws IOException;
    }
}
