package org.dysonsim.actors;

import java.util.List;

/**
 * How an ensemble ended, without its trajectories (they are in the journal).
 *
 * @param members the members that finished, ascending
 * @param failure null on success, else the one-line diagnostic that stopped the run
 */
public record RunOutcome(List<Integer> members, String failure) {
    public RunOutcome {
        members = List.copyOf(members);
    }

    public static RunOutcome failed(String failure) {
        return new RunOutcome(List.of(), failure);
    }

    /**
     * The run's result. Its members are read back from where they were recorded, the run's one
     * source on one machine as on a cluster, one at a time each time one is asked for
     * ({@link RecordedMembers}): the result itself holds no trajectory.
     */
    public RunResult readBack(RunSpec spec, RecorderFactory recorders) {
        return new RunResult(spec, new RecordedMembers(spec.runId(), members, recorders), failure);
    }
}
