package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Ensembles;
import org.dysonsim.scenarios.report.SyntheticMatrixRuns;
import org.dysonsim.scenarios.report.analyses.SpectralMonitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.actors.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix analyses of a report on a zero-gradient matrix run, whose every answer is known. */
class MatrixAnalysesTest {
    static final SyntheticMatrixRuns.Setup SETUP = new SyntheticMatrixRuns.Setup(32, 16, 0.5, 0.1, 4, 1.0, 200, 10, 8, 3, 5);

    @TempDir
    Path dir;

    private Config report(RunResult run, String sub) throws IOException {
        Path d = Files.createDirectories(dir.resolve(sub));
        RunReport.write(d, RecordedRun.of(run), "study");
        return ConfigFactory.parseFile(d.resolve(RunDirectory.REPORT_JSON).toFile());
    }

    private static Config comparison(Config report, String startsWith) {
        return report.getConfigList("comparisons").stream().filter(c -> c.getString("name").startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no comparison " + startsWith));
    }

    @Test
    void pureNoiseStaysMarchenkoPasturGrowsAtTheRecordedRateAndIsForecast() throws IOException {
        RunResult run = SyntheticMatrixRuns.zeroGradient(SETUP, SETUP.v());
        Config r = report(run, "live");
        report(run, "again");
        assertEquals(Files.readString(dir.resolve("live").resolve(RunDirectory.REPORT_JSON)), Files.readString(dir.resolve("again").resolve(RunDirectory.REPORT_JSON)),
                "the report is a pure function of the records, as dyson replay needs");
        Config monitoring = r.getConfig("monitoring");
        int records = monitoring.getLongList("step").size();
        assertEquals(21, records);
        assertTrue(monitoring.getStringList("stage").stream().allMatch("exploration"::equals), monitoring.getStringList("stage").toString());
        assertTrue(!monitoring.getBoolean("stopping_signal.fired"));
        // entry variance 0.5 + t_b·α²v/|B| = 0.5 + 200·0.01/4 = 1.0 at the end
        List<Double> sigma2 = monitoring.getDoubleList("mp_sigma2");
        assertEquals(1.0, sigma2.get(records - 1), 5 * monitoring.getDoubleList("mp_sigma2_se").get(records - 1));
        // within their thresholds; at this size (8 members) neither can catch a twofold error: the
        // forecast's 8 members allow a coverage 5 binomial SE = 0.53 low, a band twice too narrow loses 0.31
        assertEquals("inconclusive", comparison(r, "MP width grows").getString("verdict"));
        assertEquals("inconclusive", comparison(r, "forecast band").getString("verdict"));
        assertEquals(3.4, comparison(r, "forecast band").getDouble("power"), 0.05, "a band 3.4× too narrow: 1.645/Φ⁻¹((1.9 − 0.53)/2)");
        Config forecast = r.getConfig("forecast");
        assertEquals(8, forecast.getInt("members"));
        assertEquals(0.5 * 1.0 * 0.1 / 4, forecast.getDouble("diffusion_member_0"), 1e-15, "D = αv/(2|B|)");
        for (String plot : List.of("monitor-exponent", "monitor-mp", "monitor-diffusion", "monitor-stage", "forecast-band", "forecast-error")) {
            assertTrue(Files.size(dir.resolve("live").resolve(plot + ".png")) > 1000, plot);
        }
    }

    /** The width check alone on a larger ensemble (more pooled eigenvalues, smaller SE of the MP width). */
    private static Comparison widthGrowth(double recordedNoise) {
        SyntheticMatrixRuns.Setup large = new SyntheticMatrixRuns.Setup(64, 32, 0.5, 0.1, 4, 1.0, 200, 50, 16, 3, 6);
        RunResult run = SyntheticMatrixRuns.zeroGradient(large, recordedNoise);
        return SpectralMonitoring.of(RecordedRun.of(run), Ensembles.summary(run)).orElseThrow().comparisons().get(0);
    }

    @Test
    void widthGrowsByTheRecordedNoiseAndAWrongRecordFails() {
        Comparison right = widthGrowth(1.0), wrong = widthGrowth(2.0);
        assertTrue(right.pass(), right.toString());
        assertTrue(!wrong.pass(), wrong.toString());
    }
}
