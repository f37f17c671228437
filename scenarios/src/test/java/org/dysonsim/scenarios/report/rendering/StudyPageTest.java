package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.report.RecordedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyPageTest {
    @TempDir
    Path data;

    private static RunSpec run(String runId, String g2) {
        GasModel gas = new GasModel(new double[] {1, 1}, new double[] {1, 1}, new double[2], new Drift.Zero(), Wall.NONE, Wall.NONE);
        String scenario = "name = sweep\nmodel = coulomb\nn = 2\nsteps = 10\ndt = 0.01\nensemble.members = 4\nnoise.g2 = " + g2
                + "\ndrift.kind = zero\ninit { kind = explicit, values = [1, 2] }\n";
        return new RunSpec(runId, "sweep", scenario, gas, new InitialSpectrum.Explicit(new double[] {1, 2}),
                StepSizeRule.fixed(), 0.01, 10, 5, 1, 4, 1, RunSpec.Coordinates.EIGENVALUES);
    }

    @Test
    void everySweepGetsAPageListingItsRunsParametersAndVerdicts() throws Exception {
        Files.createDirectories(data.resolve("sweep-s1"));
        Files.writeString(data.resolve("sweep-s1/report.json"), "{\"verdict\": \"pass\", \"comparisons\": [{\"verdict\": \"pass\"}, {\"verdict\": \"pass\"}]}");
        Files.createDirectories(data.resolve("sweep-s2"));
        Files.writeString(data.resolve("sweep-s2/report.json"), "{\"verdict\": \"fail\", \"comparisons\": [{\"verdict\": \"pass\"}, {\"verdict\": \"fail\"},"
                + " {\"verdict\": \"inconclusive\"}]}");
        List<RecordedRun> runs = List.of(run("sweep-s1", "0.25"), run("sweep-s2", "0.5")).stream()
                .map(spec -> RecordedRun.of(new RunResult(spec, List.of(), null))).toList();
        Path study = data.resolve("sweep");
        StudyReport.Written written = StudyReport.write(study, "sweep", runs);
        assertTrue(written.json().isEmpty(), "not a scaling sweep: no study.json");
        assertTrue(written.notAnalysed().orElseThrow().contains("model = coulomb"), written.toString());
        String page = Files.readString(StudyReport.page(study));
        assertTrue(page.contains("No scaling study: the runs are model = coulomb"), "the page says why there is no scaling study");
        assertTrue(page.contains("N = <b>2</b>") && page.contains("drift = <b>zero</b>"), "shared parameters listed once");
        assertTrue(page.contains("<th>g² (noise.g2)</th>"), "the swept parameter is a column");
        Matcher rows = Pattern.compile("<tr><td><a href=\"([^\"]+)\">([^<]+)</a></td><td>([^<]+)</td><td>(.*?)</td><td class=\"(\\w+)\"")
                .matcher(page);
        assertTrue(rows.find());
        assertEquals("../sweep-s1/report.html", rows.group(1));
        assertEquals("0.25", rows.group(3));
        assertEquals("2/2 pass", rows.group(4));
        assertEquals("pass", rows.group(5));
        assertTrue(rows.find());
        assertEquals("0.5", rows.group(3));
        assertEquals("1/3 pass, <span class=\"inconclusive\">1 inconclusive</span>, <span class=\"fail\">1 fail</span>", rows.group(4));
        assertEquals("fail", rows.group(5));
        assertTrue(Files.isRegularFile(study.resolve("..").resolve(rows.group(1).substring(3)).getParent().resolve("report.json")),
                "the link leads to the run's directory");
        assertFalse(page.contains("<img"), "no summary figure without a scaling study");
        assertFalse(page.contains("GasModel"));
    }
}
