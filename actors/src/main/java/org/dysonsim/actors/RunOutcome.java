package org.dysonsim.actors;

import java.util.ArrayList;
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
     * The run's result: every finished member's trajectory read back from where it was recorded,
     * the run's one source, on one machine as on a cluster.
     */
    public RunResult readBack(RunSpec spec, RecorderFactory recorders) {
        List<MemberTrajectory> trajectories = new ArrayList<>();
        try {
            for (int member : members) trajectories.add(recorders.recorded(spec.runId(), member));
        } catch (RuntimeException e) {
            return new RunResult(spec, trajectories, failure != null ? failure
                    : "cannot read back the recorded trajectories: " + OneLine.of(e));
        }
        return new RunResult(spec, trajectories, failure);
    }
}
