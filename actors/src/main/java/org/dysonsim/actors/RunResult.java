package org.dysonsim.actors;

import java.util.List;

/**
 * How a run ended, and its members. The engine's results ({@link Simulation}, the cluster's
 * study) hold no trajectory: their {@code members} reads each one back from the recording when
 * it is asked for, so a run of any size is looked at one member at a time. Results built from
 * trajectories in memory (tests, the reports of small layered runs) hold them as given.
 *
 * @param members the finished members' trajectories, ordered by member
 * @param failure null on success, else the one-line diagnostic that stopped the run
 */
public record RunResult(RunSpec spec, List<MemberTrajectory> members, String failure) {
    public boolean succeeded() {
        return failure == null;
    }
}
