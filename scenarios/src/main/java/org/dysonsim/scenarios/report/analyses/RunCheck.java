package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;

import java.util.List;
import org.dysonsim.actors.RunResult;

/**
 * A comparison of a whole run with an exact expectation that is not a density (a moment, a rate,
 * a bound). Add one by implementing this and listing it in {@link RunChecks}.
 */
public interface RunCheck {
    /** Empty when the check does not apply to this run. */
    List<Comparison> compare(RunResult result, SpectrumStatistics stats);
}
