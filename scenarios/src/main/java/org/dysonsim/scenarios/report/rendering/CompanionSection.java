package org.dysonsim.scenarios.report.rendering;

import static org.dysonsim.scenarios.report.analyses.ParticleCompanion.CALIBRATION_SHARE;
import static org.dysonsim.scenarios.report.analyses.ParticleCompanion.column;
import static org.dysonsim.scenarios.report.analyses.ParticleCompanion.mean;
import static org.dysonsim.scenarios.report.analyses.ParticleCompanion.variance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.physics.laws.WignerSurmise;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.analyses.ParticleCompanion.Companion;
import org.dysonsim.scenarios.report.predictions.RbmCompanion;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The "particle_companion" section of an RBM run's report ({@link org.dysonsim.scenarios.report.analyses.ParticleCompanion}):
 * its JSON, its plots, and the companion's scenario written into the run directory for {@code dyson run}.
 */
final class CompanionSection {
    static final String KEY = "particle_companion";

    private CompanionSection() {}

    static ReportSection render(Companion x, Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> plots = new LinkedHashMap<>();
        if (x.note() != null) {
            json.put("note", x.note());
            return new ReportSection(KEY, x.comparisons(), json, plots);
        }
        RbmCompanion c = x.companion();
        int n = c.n();
        Files.writeString(new RunDirectory(dir).particleCompanion(), x.scenario());
        json.put("description", "SGD-form Coulomb gas with the RBM drift K(x) = (1/κ − 1/(μ² − x))x, x = σ_h²λ, one SGD step = α_p = 2σ_h²α"
                + " of particle time, started from each member's own initial spectrum; compared at the last record");
        json.put("noise_calibration", "calibrated from the measured gradient noise, not derived from the loss: g̃_i² = x*_i·v_i/(2σ_h²),"
                + " x*_i = μ² − κ_i, v_i the recorded per-sample gradient variance along mode i (top-k modes: of the projection on"
                + " their singular pair; the others: of one gradient entry), mean over the last " + Math.round(CALIBRATION_SHARE * 100)
                + " % of the records of every member");
        json.put("noise_variance", x.noiseVariance());
        json.put("alpha_particle", c.alphaP());
        json.put("kappa", c.kappa());
        json.put("g_tilde2", c.gTilde2());
        json.put("fixed_points_eigenvalues", Arrays.stream(c.kappa()).map(k -> c.eigenvalue(c.mu2() - k)).toArray());
        json.put("scenario_file", RunDirectory.PARTICLE_COMPANION);
        double[] matrixMean = new double[n], particleMean = new double[n], matrixVar = new double[n], particleVar = new double[n];
        for (int i = 0; i < n; i++) {
            double[] a = column(x.matrixFinal(), i), b = column(x.particleFinal(), i);
            matrixMean[i] = c.eigenvalue(mean(a));
            particleMean[i] = c.eigenvalue(mean(b));
            matrixVar[i] = variance(a) / (c.sigmaH2() * c.sigmaH2());
            particleVar[i] = variance(b) / (c.sigmaH2() * c.sigmaH2());
        }
        json.put("final_mode_mean_matrix", matrixMean);
        json.put("final_mode_mean_particles", particleMean);
        json.put("final_mode_variance_matrix", matrixVar);
        json.put("final_mode_variance_particles", particleVar);
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) ratio[i] = matrixVar[i] / particleVar[i];
        json.put("width_ratio_matrix_over_particles", ratio);
        int[] pairs = c.degeneratePairs();
        json.put("degenerate_pairs", Arrays.stream(pairs).mapToObj(i -> new long[] {i, i + 1}).toList());
        if (x.matrixSpacings() != null) {
            Plots.save(spacingChart(x.matrixSpacings(), x.particleSpacings()), dir, "companion-spacings");
            plots.put("companion-spacings", "degenerate-pair spacings over their mean, matrix and particles, against the Wigner surmise β = 1");
        }
        Plots.save(densityChart(c, x.matrixFinal(), x.particleFinal()), dir, "companion-densities");
        plots.put("companion-densities", "density of the eigenvalues of WᵀW at the last record, every mode, matrix against particles (same bins)");
        Plots.save(modeChart(c, x.matrixFinal(), x.particleFinal()), dir, "companion-modes");
        plots.put("companion-modes", "mean ± SD across members of each eigenvalue at the last record: matrix against particles, and the fixed points");
        return new ReportSection(KEY, x.comparisons(), json, plots);
    }

    private static XYChart spacingChart(double[] matrix, double[] particles) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Degenerate-pair spacings").xAxisTitle("s = S/⟨S⟩")
                .yAxisTitle("cumulative probability").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        addCdf(chart, "matrix (" + matrix.length + ")", matrix);
        addCdf(chart, "particles (" + particles.length + ")", particles);
        double hi = Math.max(Arrays.stream(matrix).max().orElse(3), Arrays.stream(particles).max().orElse(3));
        double[] x = new double[200], y = new double[200];
        WignerSurmise w = new WignerSurmise(1);
        for (int k = 0; k < 200; k++) {
            x[k] = hi * k / 199.0;
            y[k] = w.cdf(x[k]);
        }
        chart.addSeries("Wigner surmise β = 1", x, y).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static void addCdf(XYChart chart, String name, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double[] y = new double[s.length];
        for (int k = 0; k < s.length; k++) y[k] = (k + 1.0) / s.length;
        XYSeries series = chart.addSeries(name, s, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    }

    /** Both samples histogrammed on the same bins: each mode is a bump, the modes being far apart against their widths. */
    private static XYChart densityChart(RbmCompanion c, List<double[]> matrix, List<double[]> particles) {
        double[] a = matrix.stream().flatMapToDouble(Arrays::stream).map(c::eigenvalue).toArray();
        double[] b = particles.stream().flatMapToDouble(Arrays::stream).map(c::eigenvalue).toArray();
        double lo = Math.min(Arrays.stream(a).min().orElse(0), Arrays.stream(b).min().orElse(0));
        double hi = Math.max(Arrays.stream(a).max().orElse(1), Arrays.stream(b).max().orElse(1));
        int bins = Math.max(20, Math.min(200, 4 * (int) Math.sqrt(a.length)));
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Eigenvalues of WᵀW at the last record, all modes")
                .xAxisTitle("λ").yAxisTitle("density").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        addHistogram(chart, "matrix (" + a.length + ")", a, lo, hi, bins);
        addHistogram(chart, "particles (" + b.length + ")", b, lo, hi, bins);
        return chart;
    }

    private static void addHistogram(XYChart chart, String name, double[] v, double lo, double hi, int bins) {
        double width = (hi - lo) / bins;
        if (!(width > 0)) return;
        double[] count = new double[bins];
        for (double x : v) count[Math.min(bins - 1, (int) ((x - lo) / width))]++;
        double[] x = new double[bins], y = new double[bins];
        for (int k = 0; k < bins; k++) {
            x[k] = lo + (k + 0.5) * width;
            y[k] = count[k] / (v.length * width);
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static XYChart modeChart(RbmCompanion c, List<double[]> matrix, List<double[]> particles) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Eigenvalues per mode at the last record").xAxisTitle("mode")
                .yAxisTitle("λ of WᵀW").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        int n = c.n();
        double[] mode = new double[n], mm = new double[n], ms = new double[n], pm = new double[n], ps = new double[n], fixed = new double[n];
        for (int i = 0; i < n; i++) {
            mode[i] = i;
            double[] a = column(matrix, i), b = column(particles, i);
            mm[i] = c.eigenvalue(mean(a));
            ms[i] = Math.sqrt(variance(a)) / c.sigmaH2();
            pm[i] = c.eigenvalue(mean(b));
            ps[i] = Math.sqrt(variance(b)) / c.sigmaH2();
            fixed[i] = c.eigenvalue(c.mu2() - c.kappa()[i]);
        }
        XYSeries a = chart.addSeries("matrix", mode, mm, ms);
        a.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double[] shifted = Arrays.stream(mode).map(x -> x + 0.15).toArray();
        XYSeries b = chart.addSeries("particles", shifted, pm, ps);
        b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        XYSeries f = chart.addSeries("fixed points (μ² − κ)/σ_h²", mode, fixed);
        f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        f.setMarker(SeriesMarkers.DIAMOND);
        return chart;
    }
}
