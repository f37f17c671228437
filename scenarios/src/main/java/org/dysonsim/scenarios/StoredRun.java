package org.dysonsim.scenarios;

import java.nio.file.Path;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.config.ScenarioLoader;
import org.dysonsim.scenarios.config.ScenarioValues;
import org.dysonsim.scenarios.config.Study;
import org.dysonsim.scenarios.report.RunReport;

/** A run already in a data directory, for commands that continue or re-analyse it (resume, replay). */
public final class StoredRun {
    private StoredRun() {}

    /**
     * The run's {@link RunSpec}, rebuilt from the resolved scenario it stored
     * ({@code <run-dir>/scenario.conf}) and validated as any scenario is.
     *
     * @throws org.dysonsim.scenarios.config.ScenarioException if it is missing or no longer valid (one line)
     */
    public static RunSpec spec(Path runDirectory, String runId) {
        Study study = new ScenarioLoader().load(runDirectory.resolve(RunReport.SCENARIO), List.of());
        return RunSpecReader.read(new ScenarioValues(study.file(), study.runs().get(0)), runId);
    }
}
