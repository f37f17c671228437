package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;

import java.util.List;
import org.dysonsim.scenarios.report.RecordSlice;

/**
 * A comparison of a whole run with an exact expectation that is not a density (a moment, a rate,
 * a bound). Add one by implementing this and listing it in {@link RunChecks}.
 */
public interface RunCheck {
    /**
     * Empty when the check does not apply to this run.
     *
     * @param last the last record of the run ({@code run.stats().times()}) of every member that has it
     */
    List<Comparison> compare(EnsembleSummary run, RecordSlice last);
}
