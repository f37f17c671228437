package org.dysonsim.scenarios.report;

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

    /** A run whose members are in memory. */
    public static RecordedRun of(RunResult run) {
        return new RecordedRun(run.spec(), run.failure(), MemberSource.of(run.members()));
    }
}
