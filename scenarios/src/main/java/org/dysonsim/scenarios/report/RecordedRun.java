package org.dysonsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;

/**
 * A run as its report reads it: what it was, how it ended (null on success, else its one-line
 * diagnostic) and its members, streamed from where they were recorded.
 */
public record RecordedRun(RunSpec spec, String failure, MemberSource members) {
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * Every member read into memory. Only for the reports of layered runs (a network trained here,
     * an imported run), whose members are few; ensemble reports stream through {@link #members()}.
     */
    public RunResult inMemory() {
        List<MemberTrajectory> all = new ArrayList<>();
        members.forEach(all::add);
        return new RunResult(spec, all, failure);
    }

    /** A run whose members are in memory. */
    public static RecordedRun of(RunResult run) {
        return new RecordedRun(run.spec(), run.failure(), MemberSource.of(run.members()));
    }
}
