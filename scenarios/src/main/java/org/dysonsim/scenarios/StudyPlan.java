package org.dysonsim.scenarios;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.EngineSettings;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.config.MemoryEstimate;
import org.dysonsim.scenarios.config.ScenarioLoader;
import org.dysonsim.scenarios.config.ScenarioValues;
import org.dysonsim.scenarios.config.Study;
import org.dysonsim.scenarios.run.ActorEngine;

/**
 * The validated runs of one {@code dyson run}: every sweep combination checked against the
 * memory it needs ({@link MemoryEstimate}) and read into a {@link RunSpec} before the first one
 * starts, so bad input stops everything before anything is sampled or written. Each point of a
 * sweep gets its own seed ({@link SweepSeeds}), recorded in its resolved scenario.
 *
 * @param studyId the prefix shared by the run ids
 * @param runs    one spec per sweep combination, in sweep order
 */
public record StudyPlan(String studyId, List<RunSpec> runs) {

    public static StudyPlan prepare(Path scenario, List<String> overrides, Path dataDir, Instant now) {
        Study study = new ScenarioLoader().load(scenario, overrides);
        int inFlight = EngineSettings.from(ConfigFactory.parseResources(ActorEngine.SETTINGS)
                .withFallback(ConfigFactory.load())).membersInFlight();
        String name = new ScenarioValues(study.file(), study.runs().get(0)).text("name");
        String studyId = RunNaming.study(dataDir, name, now);
        List<String> ids = RunNaming.runs(studyId, study.runs().size());
        List<RunSpec> specs = new ArrayList<>();
        // independent noise per point unless asked otherwise or the seed is itself swept (SweepSeeds)
        boolean ownSeeds = study.runs().size() > 1 && !study.commonNoise() && !study.sweepKeys().contains("seed");
        for (int k = 0; k < ids.size(); k++) {
            Config config = study.runs().get(k);
            if (ownSeeds) {
                Map<String, String> point = new LinkedHashMap<>();
                for (String key : study.sweepKeys()) point.put(key, config.getValue(key).render(ConfigRenderOptions.concise()));
                long seed = SweepSeeds.of(config.getLong("seed"), point);
                config = config.withValue("seed", ConfigValueFactory.fromAnyRef(seed));
            }
            ScenarioValues values = new ScenarioValues(study.file(), config, study.givenKeys());
            MemoryEstimate.check(values, inFlight, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
            RunSpec spec = RunSpecReader.read(values, ids.get(k));
            UnusedKeys.check(values, study.sweepKeys());
            specs.add(spec);
        }
        return new StudyPlan(studyId, specs);
    }
}
