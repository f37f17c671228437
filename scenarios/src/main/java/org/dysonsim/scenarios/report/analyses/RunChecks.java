package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.scenarios.report.RecordSlice;

/** Every {@link RunCheck} a report runs; each decides for itself whether it applies. */
public final class RunChecks {
    static final List<RunCheck> ALL = List.of(new LevelOrdering(), new WishartGrowth(), new PairStatistics(), new TracyWidomEdge());

    private RunChecks() {}

    public static List<Comparison> compare(EnsembleSummary run, RecordSlice last) {
        List<Comparison> out = new ArrayList<>();
        for (RunCheck check : ALL) out.addAll(check.compare(run, last));
        return out;
    }
}
