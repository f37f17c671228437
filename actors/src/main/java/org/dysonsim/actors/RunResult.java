package org.dysonsim.actors;

import java.util.List;

/**
 * @param members the recorded trajectories, ordered by member
 * @param failure null on success, else the one-line diagnostic that stopped the run
 */
public record RunResult(RunSpec spec, List<MemberTrajectory> members, String failure) {
    public boolean succeeded() {
        return failure == null;
    }
}
