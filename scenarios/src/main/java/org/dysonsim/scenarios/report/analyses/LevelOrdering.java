package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Power;

import java.util.List;
import org.dysonsim.scenarios.report.RecordSlice;

/** Interacting levels never cross or collide (docs/physics.md §2): the smallest recorded gap stays positive. */
final class LevelOrdering implements RunCheck {
    public List<Comparison> compare(EnsembleSummary run, RecordSlice last) {
        SpectrumStatistics stats = run.stats();
        if (Double.isNaN(stats.minGap())) return List.of();
        return List.of(new Comparison("levels stay ordered (no crossing or collision)", "min gap", Double.NaN,
                stats.minGap(), 0.0, stats.minGap() > 0, "pass when the smallest gap between neighbours in any snapshot is > 0",
                Power.sizedByConstruction(Double.NaN, "not statistical: one crossing or collision in any snapshot fails it")));
    }
}
