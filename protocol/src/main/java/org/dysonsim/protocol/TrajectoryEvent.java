package org.dysonsim.protocol;

/** The events of one ensemble member's journal (persistence id {@code run|<run-id>|<member>}). */
public sealed interface TrajectoryEvent extends Wire
        permits TrajectoryEvent.RunStarted, TrajectoryEvent.SnapshotRecorded, TrajectoryEvent.RunCompleted,
                TrajectoryEvent.RunFailed {

    /**
     * @param scenario    the resolved scenario (HOCON text), enough to reproduce the run
     * @param codeVersion the version of dysonsim that started the run
     */
    record RunStarted(String runId, int member, String scenario, long seed, String codeVersion, int n)
            implements TrajectoryEvent {}

    /** Positions of every eigenvalue (in the simulated coordinates) after nominal step {@code step}. */
    record SnapshotRecorded(long step, double t, double[] values) implements TrajectoryEvent {}

    record RunCompleted(long step, double t) implements TrajectoryEvent {}

    record RunFailed(long step, String reason) implements TrajectoryEvent {}
}
