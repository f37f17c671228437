package org.dysonsim.scenarios.report.predictions;

import java.util.List;
import org.dysonsim.actors.RunSpec;

/** What a run asks of its report: the predictions it names (empty: every one that applies, {@link Predictions#forRun}). */
public final class ReportSettings {
    private ReportSettings() {}

    public static List<String> predictions(RunSpec spec) {
        return spec.checks().predictionNames();
    }
}
