package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.WignerSurmise;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.predictions.LawPrediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** The figures with their theory: moments of a law, errors over members, the spacing histogram, fitted titles. */
class TheoryFiguresTest {
    @TempDir
    Path dir;

    private static final LawPrediction SURMISE = new LawPrediction("Wigner surmise", new WignerSurmise(1), 0, Double.POSITIVE_INFINITY, 0);

    private static RunSpec pairSpec(int members) {
        GasModel gas = new GasModel(new double[] {1, 1}, new double[] {1, 1}, new double[2],
                new Drift.Harmonic(new double[] {0, 0}, new double[] {1, 1}), Wall.NONE, Wall.NONE);
        return new RunSpec("r", "pairs", "model = coulomb", gas, new InitialSpectrum.Explicit(new double[] {-0.01, 0.01}),
                StepSizeRule.fixed(), 5.0, 2, 1, 1, members, 1, RunSpec.Coordinates.EIGENVALUES);
    }

    @Test
    void aLawsMeanAndVarianceComeFromItsCdf() {
        // P(s) = (πs/2) e^{−πs²/4}: mean 1, variance 4/π − 1
        double[] m = LevelMoments.moments(SURMISE, 0.0, -1.0, 8.0);
        assertEquals(1.0, m[0], 1e-4);
        assertEquals(4 / Math.PI - 1, m[1], 1e-4);
    }

    @Test
    void errorsComeFromTheSpreadAcrossMembersAndThePredictionIsDrawn() {
        RunSpec spec = pairSpec(3);
        // member means 1, 2, 3: s.e. of the mean = sd{1, 2, 3}/√3 = 1/√3
        RecordSlice slice = new RecordSlice(0, new int[] {0, 1, 2}, new int[] {0, 1, 2},
                new double[][] {{0.5, 1.5}, {1.5, 2.5}, {2.5, 3.5}});
        LevelMoments moments = new LevelMoments(2);
        moments.add(spec, slice, 1, SURMISE, 1.0);
        XYChart chart = moments.meanChart("λ", new double[] {0, 1}, new double[] {0, 2});
        XYSeries errors = chart.getSeriesMap().get("± 1 s.e. over members (records read whole)");
        assertNotNull(errors);
        assertEquals(1 / Math.sqrt(3), errors.getExtraValues()[0], 1e-12);
        XYSeries theory = chart.getSeriesMap().get("prediction: Wigner surmise");
        assertNotNull(theory, "the prediction's line: " + chart.getSeriesMap().keySet());
        assertEquals(1.0, theory.getYData()[0], 1e-3);
    }

    @Test
    void aRunAboutPairsShowsItsSpacingsAgainstTheSurmise() throws IOException {
        int members = 64;
        RunSpec spec = pairSpec(members);
        List<MemberTrajectory> all = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            // spacings at the surmise's quantiles, in units of √π σ with σ² = g²/Ω = 1
            double s = Math.sqrt(-4 * Math.log(1 - (m + 0.5) / members) / Math.PI) * Math.sqrt(Math.PI);
            all.add(new MemberTrajectory(m, new long[] {0, 2}, new double[] {0, 10},
                    new double[][] {{-0.01, 0.01}, {-s / 2, s / 2}}));
        }
        Path html = RunReport.write(dir, RecordedRun.of(new RunResult(spec, all, null)), null);
        assertTrue(Files.size(dir.resolve("spacings.png")) > 1000);
        String page = Files.readString(html);
        int figure = page.indexOf("src=\"spacings.png\"");
        assertTrue(figure > 0 && figure < page.indexOf("<table"), "the spacing histogram is among the figures");
    }

    @Test
    void aGoeStartShowsItsLargestEigenvaluesOnTheTracyWidomScaleAndOtherRunsDoNot() throws IOException {
        int n = 32, members = 40;
        GasModel gas = new GasModel(filled(n, 1.0), filled(n, 1.0), new double[n], new Drift.Zero(), Wall.NONE, Wall.NONE);
        RunSpec spec = new RunSpec("r", "edge", "model = coulomb", gas, new InitialSpectrum.Goe(n, 1.0),
                StepSizeRule.fixed(), 0.001, 2, 1, 1, members, 1, RunSpec.Coordinates.EIGENVALUES);
        List<MemberTrajectory> all = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = -11 + 22.0 * i / n;
            x[n - 1] = 2 * Math.sqrt(n - 0.5) + (m - members / 2.0) / members * 4 * Math.pow(n, -1.0 / 6); // χ from −2 to 2
            all.add(new MemberTrajectory(m, new long[] {0, 2}, new double[] {0, 0.002}, new double[][] {x, x}));
        }
        Path html = RunReport.write(dir, RecordedRun.of(new RunResult(spec, all, null)), null);
        assertTrue(Files.size(dir.resolve("edge.png")) > 1000);
        int figure = Files.readString(html).indexOf("src=\"edge.png\"");
        assertTrue(figure > 0, "the edge histogram is among the figures");

        Path other = Files.createDirectories(dir.resolve("pairs"));
        RunReport.write(other, RecordedRun.of(new RunResult(pairSpec(4), List.of(new MemberTrajectory(0, new long[] {0},
                new double[] {0}, new double[][] {{-0.01, 0.01}})), null)), null);
        assertTrue(Files.notExists(other.resolve("edge.png")), "no edge figure without a GOE start");
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    @Test
    void crossingModesAreFewAndNamedRepellingLevelsAllDrawn() {
        double[][] values = new double[2][16];
        for (int i = 0; i < 16; i++) values[0][i] = values[1][i] = i + 1;
        MemberTrajectory member = new MemberTrajectory(0, new long[] {0, 1}, new double[] {0, 1}, values);
        RunSpec cir = new RunSpec("c", "cir", "model = cir", new org.dysonsim.physics.gas.CirModel(16, 1.0, 1.0, 0.1),
                new InitialSpectrum.Explicit(values[0]), StepSizeRule.fixed(), 0.1, 1, 1, 1, 1, 1, RunSpec.Coordinates.EIGENVALUES);
        XYChart modes = Plots.trajectories(cir, member, "λ");
        assertEquals(6, modes.getSeriesMap().size());
        assertTrue(modes.getStyler().isLegendVisible() && modes.getSeriesMap().containsKey("mode 3"));
        GasModel gas = new GasModel(new double[16], new double[16], new double[16], new Drift.Zero(), Wall.NONE, Wall.NONE);
        RunSpec levels = new RunSpec("g", "gas", "model = coulomb", gas, new InitialSpectrum.Explicit(values[0]),
                StepSizeRule.fixed(), 0.1, 1, 1, 1, 1, 1, RunSpec.Coordinates.EIGENVALUES);
        assertEquals(16, Plots.trajectories(levels, member, "λ").getSeriesMap().size());
    }

    @Test
    void aLayeredRunDrawsTheLargestEigenvaluesOfEachLayerNotItsZeros() {
        // two layers of 10 and 6 eigenvalues, mostly zeros (rank-deficient), as a network's snapshot holds them
        double[][] values = new double[2][16];
        for (int k = 0; k < 2; k++) {
            values[k][7] = 1 + k;
            values[k][8] = 2 + k;
            values[k][9] = 5 + k;
            values[k][15] = 3 - k;
            values[k][14] = 0.5;
        }
        MemberTrajectory member = new MemberTrajectory(0, new long[] {0, 1}, new double[] {0, 1}, values);
        GasModel gas = new GasModel(new double[16], new double[16], new double[16], new Drift.Zero(), Wall.NONE, Wall.NONE);
        RunSpec flat = new RunSpec("g", "net", "model = network", gas, new InitialSpectrum.Explicit(values[0]),
                StepSizeRule.fixed(), 0.1, 1, 1, 1, 1, 1, RunSpec.Coordinates.EIGENVALUES);
        RunSpec layered = new RunSpec(flat.runId(), flat.scenarioName(), flat.scenarioText(), flat.model(), flat.init(),
                flat.rule(), flat.dt(), flat.steps(), flat.recordEvery(), flat.seed(), flat.members(), flat.placement(),
                flat.coordinates(), flat.mapping(), flat.checks(), new org.dysonsim.protocol.LayerLayout(List.of(
                new org.dysonsim.protocol.LayerLayout.Layer("layer 1", 4, 10), new org.dysonsim.protocol.LayerLayout.Layer("layer 2", 2, 6))));
        XYChart chart = Plots.trajectories(layered, member, "λ");
        assertEquals(6, chart.getSeriesMap().size(), chart.getSeriesMap().keySet().toString());
        assertEquals(5.0, chart.getSeriesMap().get("layer 1 λ_max").getYData()[0], 0.0);
        assertEquals(6.0, chart.getSeriesMap().get("layer 1 λ_max").getYData()[1], 0.0);
        assertEquals(2.0, chart.getSeriesMap().get("layer 1 λ_2").getYData()[0], 0.0);
        assertEquals(3.0, chart.getSeriesMap().get("layer 2 λ_max").getYData()[0], 0.0);
        assertEquals(2.0, chart.getSeriesMap().get("layer 2 λ_max").getYData()[1], 0.0);
        assertEquals(0.0, chart.getSeriesMap().get("layer 2 λ_3").getYData()[0], 0.0);
    }

    @Test
    void longTitlesShrinkToTheChartAndLongLegendsAreCut() {
        String title = "free convolution with a semicircle (Dyson OU, a = 1, centre 16, g² = 0.5), t = 0.1, and more words to be long";
        XYChart chart = new XYChartBuilder().width(400).height(300).title(title).build();
        int before = chart.getStyler().getChartTitleFont().getSize();
        Plots.fitTitle(chart);
        assertTrue(chart.getStyler().getChartTitleFont().getSize() < before, "smaller font");
        var g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB).createGraphics();
        assertTrue(g.getFontMetrics(chart.getStyler().getChartTitleFont()).stringWidth(chart.getTitle()) <= 400, chart.getTitle());
        g.dispose();
        assertEquals(Plots.LEGEND_CHARACTERS, Plots.legend("x".repeat(200)).length());
        assertEquals("short", Plots.legend("short"));
    }
}
