package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.report.RecordedRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    @TempDir
    Path dir;

    private static RunSpec spec(RunSpec.Coordinates coordinates) {
        GasModel gas = new GasModel(new double[] {1, 1}, new double[] {1, 1}, new double[2], new Drift.Zero(), Wall.NONE, Wall.NONE);
        return new RunSpec("r", "s", "drift.kind = zero", gas, new InitialSpectrum.Explicit(new double[] {1, 2}),
                StepSizeRule.fixed(), 0.5, 2, 1, 1, 2, 1, coordinates);
    }

    private static MemberTrajectory member(int m, double[][] values) {
        return new MemberTrajectory(m, new long[] {0, 2}, new double[] {0, 1}, values);
    }

    @Test
    void statisticsArePooledOverMembersInSpectralCoordinates() throws IOException {
        RunSpec spec = spec(RunSpec.Coordinates.SINGULAR_VALUES);
        RunResult result = new RunResult(spec, List.of(
                member(0, new double[][] {{1, 2}, {1, 3}}),
                member(1, new double[][] {{1, 2}, {2, 3}})), null);
        Path html = RunReport.write(dir, RecordedRun.of(result), "study");
        assertEquals(dir.resolve("report.html"), html);
        Config r = ConfigFactory.parseFile(dir.resolve("report.json").toFile());
        assertEquals("completed", r.getString("status"));
        Config mean = r.getConfigList("statistics").get(0);
        // λ = s²: t = 0 → {1, 4, 1, 4}, t = 1 → {1, 9, 4, 9}
        assertEquals(List.of(2.5, 5.75), mean.getDoubleList("value"));
        Config variance = r.getConfigList("statistics").get(1);
        assertEquals(3.0, variance.getDoubleList("value").get(0), 1e-12);
        Config gap = r.getConfigList("statistics").get(2);
        assertEquals(3.0, gap.getDouble("value"), 1e-12);
        assertEquals(List.of(2.5, 9.0), r.getConfigList("statistics").get(3).getDoubleList("value"));
        for (String f : List.of("density-final.png", "density-final.svg", "trajectories.png", "mean.svg")) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        assertEquals("pass", r.getConfigList("comparisons").get(0).getString("verdict"));
        assertEquals("pass", r.getString("verdict"), "every comparison passes, so does the run");
        Config ordering = r.getConfigList("comparisons").get(0);
        assertTrue(ordering.getIsNull("power"), "the ordering check is not statistical");
        assertTrue(ordering.getString("power_rule").startsWith("not statistical"), ordering.getString("power_rule"));
        assertEquals(List.of(r.getConfigList("comparisons").size(), 0, 0), List.of(r.getInt("verdict_counts.pass"),
                r.getInt("verdict_counts.inconclusive"), r.getInt("verdict_counts.fail")));
    }

    @Test
    void overlaysAreSpreadFromTheFirstToTheLastComparedTime() {
        assertEquals(List.of(0, 1, 2), RunReport.overlaid(3));
        assertEquals(List.of(0, 8, 16, 23, 31, 39), RunReport.overlaid(40));
    }

    @Test
    void aRunThatFailedBeforeItsFirstSnapshotStillGetsAReport() throws IOException {
        RunResult result = new RunResult(spec(RunSpec.Coordinates.EIGENVALUES),
                List.of(new MemberTrajectory(0, new long[0], new double[0], new double[0][])), "member 0: the recorder stopped");
        RunReport.write(dir, RecordedRun.of(result), "study");
        Config r = ConfigFactory.parseFile(dir.resolve("report.json").toFile());
        assertEquals("failed", r.getString("status"));
        assertEquals("member 0: the recorder stopped", r.getString("failure"));
        assertTrue(r.getList("statistics").isEmpty());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("the recorder stopped"));
    }
}
