package org.dysonsim.scenarios.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.dysonsim.actors.RunSpec;

/** What a run's resolved scenario says about its report: {@code report.predictions = [names]} (empty: the defaults). */
public final class ReportSettings {
    public static final String PREDICTIONS = "report.predictions";

    private ReportSettings() {}

    public static List<String> predictions(RunSpec spec) {
        if (spec.scenarioText() == null || spec.scenarioText().isBlank()) return List.of();
        try {
            Config config = ConfigFactory.parseString(spec.scenarioText());
            return config.hasPath(PREDICTIONS) ? config.getStringList(PREDICTIONS) : List.of();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(PREDICTIONS + ": " + e.getMessage(), e);
        }
    }

    /** The first name in the scenario's {@code report.predictions} that is no prediction, or null. */
    public static String unknownPrediction(RunSpec spec) {
        return predictions(spec).stream().filter(name -> !Predictions.NAMES.containsKey(name)).findFirst().orElse(null);
    }
}
