package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.ScenarioParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Power;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final String SCENARIO = """
            name = wells
            model = coulomb
            n = 2
            steps = 10
            dt = 0.01
            record-every = 5
            seed = 3
            ensemble.members = 4
            noise.g2 = 0.0025
            drift { kind = harmonic, centre = [0, 10], stiffness = 1.5, c = 7 }
            init { kind = explicit, values = [1, 2], rows = 99 }
            sgd.alpha = 0.3
            """;

    private static RunSpec spec() {
        GasModel gas = new GasModel(new double[] {1, 1}, new double[] {1, 1}, new double[2], new Drift.Zero(), Wall.NONE, Wall.NONE);
        return new RunSpec("r", "wells", SCENARIO, gas, new InitialSpectrum.Explicit(new double[] {1, 2}),
                StepSizeRule.fixed(), 0.01, 10, 5, 3, 4, 1, RunSpec.Coordinates.EIGENVALUES);
    }

    private static String render() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", "r");
        json.put("scenario", "wells");
        json.put("study", "sweep");
        json.put("status", "completed");
        json.put("model", "GasModel");
        json.put("coordinates", "eigenvalues λ");
        json.put("error_control", Map.of("mode", "coupled", "reason", "h/2", "differences",
                List.of(Map.of("name", "mean", "value", 0.01, "quarter_tolerance", 0.02))));
        List<Comparison> comparisons = List.of(
                new Comparison("free convolution", "KS distance", 0.1 + 0.2, 0.01, 0.05, true, "KS", Power.ofKsThreshold(0.05)),
                new Comparison("Wigner surmise", "KS distance", 28 * 0.2, 0.0812345, 0.05, false, "KS", Power.ofKsThreshold(0.05)),
                new Comparison("mode 0 against its companion", "two-sample KS distance", 1.0, 0.25, 0.787, true, "KS",
                        Power.ofKsThreshold(0.787)));
        Map<String, String> plots = new LinkedHashMap<>();
        plots.put("density-final", "final density");
        plots.put("mean", "mean against time");
        return HtmlReport.render(json, comparisons, plots, ScenarioParameters.of(spec()));
    }

    @Test
    void summaryComesFirstThenFiguresThenFoldedTables() {
        String html = render();
        int summary = html.indexOf("class=\"verdict\""), parameters = html.indexOf("class=\"parameters\""), img = html.indexOf("<img");
        assertTrue(summary >= 0 && parameters > summary && img > parameters, "verdict, parameters, then the first figure");
        Matcher table = Pattern.compile("<table").matcher(html);
        int tables = 0;
        while (table.find()) {
            tables++;
            String before = html.substring(0, table.start());
            assertTrue(before.lastIndexOf("<details>") > before.lastIndexOf("</details>"), "table " + tables + " is inside <details>");
            assertTrue(table.start() > img, "tables come after the figures");
        }
        assertEquals(2, tables, "comparisons and error control");
        assertFalse(html.contains("<details open"), "closed by default");
    }

    @Test
    void theFailingComparisonIsNamedWithItsNumbersInRed() {
        String html = render();
        assertTrue(html.contains("1 of 3 comparisons pass</span>, <span class=\"inconclusive\">1 inconclusive</span>"), html);
        assertTrue(html.contains("<span class=\"fail\">1 fail</span>: the run <span class=\"fail\">fails</span>"), html);
        Matcher failing = Pattern.compile("<li class=\"fail\">([^<]*)</li>").matcher(html);
        assertTrue(failing.find(), "a failing comparison is listed");
        assertEquals("Wigner surmise at t = 5.6: KS distance = 0.08123 &gt; threshold 0.05", failing.group(1));
        assertFalse(failing.find(), "only the failing one");
        assertTrue(html.contains(".fail{color:#b00"), "fail is red");
        assertTrue(html.contains("<td class=\"fail\">fail</td>") && html.contains("<td class=\"pass\">pass</td>"));
        assertTrue(html.contains("<td class=\"inconclusive\">inconclusive</td><td>catches no width error"), html);
        assertTrue(html.contains("<td>0.3</td>"), "times without artefacts");
        assertTrue(html.contains("<a href=\"../sweep/study.html\">sweep</a>"), "a sweep's run links its study page");
    }

    @Test
    void theInconclusiveComparisonIsNamedWithItsPower() {
        Matcher inconclusive = Pattern.compile("<li class=\"inconclusive\">([^<]*)</li>").matcher(render());
        assertTrue(inconclusive.find(), "an inconclusive comparison is listed");
        assertTrue(inconclusive.group(1).startsWith("mode 0 against its companion at t = 1: two-sample KS distance = 0.25 ≤ threshold 0.787,"
                + " inconclusive: catches no width error"), inconclusive.group(1));
    }

    @Test
    void physicalParametersAsTheScenarioStatesThemNeverClassNames() {
        String html = render();
        assertFalse(html.contains("GasModel"), html);
        for (String shown : List.of("N = <b>2</b>", "members = <b>4</b>", "steps = <b>10</b>", "dt = <b>0.01</b>",
                "g² = <b>0.0025</b>", "drift = <b>harmonic</b>", "centre = <b>[0, 10]</b>", "Ω = <b>1.5</b>",
                "init = <b>explicit</b>", "values = <b>[1, 2]</b>")) {
            assertTrue(html.contains(shown), shown + " in\n" + html);
        }
        // keys of other kinds and models are not the run's parameters
        for (String hidden : List.of("c = ", "rows = ", "α = ")) assertFalse(html.contains(hidden + "<b>"), hidden);
    }
}
