package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.RunResult;

/** Every {@link RunCheck} a report runs; each decides for itself whether it applies. */
public final class RunChecks {
    static final List<RunCheck> ALL = List.of(new LevelOrdering(), new WishartGrowth(), new PairStatistics());

    private RunChecks() {}

    public static List<Comparison> compare(RunResult result, SpectrumStatistics stats) {
        List<Comparison> out = new ArrayList<>();
        for (RunCheck check : ALL) out.addAll(check.compare(result, stats));
        return out;
    }
}
