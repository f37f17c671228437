package org.dysonsim.scenarios.report.predictions;

import java.util.TreeSet;
import java.util.Set;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.MemberSource;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.RecordSlices;

/** What a prediction is built from: the run's spec and the first record (the start) of every member with a snapshot. */
public record RunStart(RunSpec spec, RecordSlice start) {
    /** The start of a run whose members are in memory. */
    public static RunStart of(RunResult run) {
        return new RunStart(run.spec(), RecordSlices.read(MemberSource.of(run.members()), new TreeSet<>(Set.of(0))).get(0));
    }
}
