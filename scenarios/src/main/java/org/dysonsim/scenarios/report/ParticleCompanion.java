package org.dysonsim.scenarios.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.gas.RefiningStep;
import org.dysonsim.physics.laws.WignerSurmise;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Matrix against particles for an RBM matrix run: the {@link RbmCompanion} gas is run with
 * {@link GasStepper} ({@link RbmCompanion#STEPPING}, refined where a step fails: {@link RefiningStep})
 * from each member's own initial spectrum (x = σ_h²λ), as many SGD steps as the
 * matrix run, its noise in streams of the run's seed plus {@link #SEED_OFFSET}; both are compared at
 * the last record (taken as stationary):
 * <ul>
 * <li>per mode, the law of x_i across members: two-sample KS at level 1e-4;</li>
 * <li>degenerate pairs of the lattice: the pair spacing over its mean across members, pooled over
 *     pairs, against the Wigner surmise β = 1 (one-sample KS at 1e-4; the mean is estimated, which
 *     makes the iid critical value conservative) for the matrix and for the particles.</li>
 * </ul>
 * The companion's scenario is written beside the report ({@link #SCENARIO}) for {@code dyson run}.
 */
final class ParticleCompanion {
    static final String KEY = "particle_companion";
    static final String SCENARIO = "particle-companion.conf";
    static final long SEED_OFFSET = 0xc0113L;
    /** Share of the records, from the end, whose noise variance calibrates the companion (the later, near-stationary part). */
    static final double CALIBRATION_SHARE = 0.5;

    private ParticleCompanion() {}

    /**
     * The per-sample gradient noise along each mode (ascending), averaged over the later records of
     * every member: for the top-k modes the recorded variance of the projection on their singular
     * pair, for the others the recorded variance of one gradient entry. NaN where nothing finite
     * was recorded (|B| = 1).
     */
    static double[] noiseVariances(RunResult run, int n) {
        double[] sum = new double[n];
        int[] count = new int[n];
        for (MemberTrajectory m : run.members()) {
            List<GradientRecorded> g = m.gradients();
            for (int k = (int) Math.floor(g.size() * (1 - CALIBRATION_SHARE)); k < g.size(); k++) {
                GradientRecorded r = g.get(k);
                double[] pv = r.projectionVariances();
                for (int i = 0; i < n; i++) {
                    int rank = n - 1 - i;
                    double v = rank < pv.length ? pv[rank] : r.noiseVariance();
                    if (Double.isFinite(v)) {
                        sum[i] += v;
                        count[i]++;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) sum[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        return sum;
    }

    /** The companion's particles at the matrix member's record steps: [record][particle]. */
    static double[][] run(RbmCompanion c, GasModel model, long seed, int member, double[] start, long[] steps) {
        GasStepper stepper = new GasStepper(model, RbmCompanion.STEPPING, seed, member);
        double[] x = start.clone();
        double[][] out = new double[steps.length][];
        long step = 0;
        for (int k = 0; k < steps.length; k++) {
            for (; step < steps[k]; step++) RefiningStep.advance(stepper, model, RbmCompanion.STEPPING, x, step, c.alphaP());
            out[k] = x.clone();
        }
        return out;
    }

    static ReportSection write(Path dir, RunResult run, MatrixRun matrix) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> plots = new LinkedHashMap<>();
        List<Comparison> comparisons = new ArrayList<>();
        double[] v = noiseVariances(run, matrix.cols());
        if (!Arrays.stream(v).allMatch(x -> x > 0)) {
            json.put("note", "no finite gradient-noise variance recorded (|B| = 1?): no companion");
            return new ReportSection(KEY, comparisons, json, plots);
        }
        RbmCompanion c = RbmCompanion.of(matrix, v);
        if (Arrays.stream(c.kappa()).anyMatch(k -> k >= c.mu2())) {
            json.put("note", "μ² ≤ max κ: a mode has no fixed point inside (0, μ²) and no noise calibration: no companion");
            return new ReportSection(KEY, comparisons, json, plots);
        }
        GasModel model = c.model();
        long seed = run.spec().seed() + SEED_OFFSET;
        int n = c.n();
        List<double[]> matrixFinal = new ArrayList<>(), particleFinal = new ArrayList<>();
        for (MemberTrajectory m : run.members()) {
            double[] start = Arrays.stream(m.values()[0]).map(c::particle).sorted().toArray();
            if (start[n - 1] >= c.mu2() || start[0] < 0) {
                json.put("note", "member " + m.member() + " starts outside the RBM's domain (0, μ²) in x = σ_h²λ: no companion");
                return new ReportSection(KEY, comparisons, json, plots);
            }
            double[][] x;
            try {
                x = run(c, model, seed, m.member(), start, m.steps());
            } catch (NonFiniteStateException e) {
                json.put("note", "the companion gas failed: " + e.getMessage());
                return new ReportSection(KEY, comparisons, json, plots);
            }
            matrixFinal.add(Arrays.stream(m.values()[m.values().length - 1]).map(c::particle).sorted().toArray());
            particleFinal.add(x[x.length - 1]);
        }
        MemberTrajectory first = run.members().get(0);
        double t = first.times()[first.times().length - 1];
        String scenario = c.scenario(run.spec().scenarioName() + "-particles", run.spec().steps(), run.spec().recordEvery(),
                seed, run.members().size(), Arrays.stream(first.values()[0]).map(c::particle).sorted().toArray());
        Files.writeString(dir.resolve(SCENARIO), scenario);

        json.put("description", "SGD-form Coulomb gas with the RBM drift K(x) = (1/κ − 1/(μ² − x))x, x = σ_h²λ, one SGD step = α_p = 2σ_h²α"
                + " of particle time, started from each member's own initial spectrum; compared at the last record");
        json.put("noise_calibration", "calibrated from the measured gradient noise, not derived from the loss: g̃_i² = x*_i·v_i/(2σ_h²),"
                + " x*_i = μ² − κ_i, v_i the recorded per-sample gradient variance along mode i (top-k modes: of the projection on"
                + " their singular pair; the others: of one gradient entry), mean over the last " + Math.round(CALIBRATION_SHARE * 100)
                + " % of the records of every member");
        json.put("noise_variance", v);
        json.put("alpha_particle", c.alphaP());
        json.put("kappa", c.kappa());
        json.put("g_tilde2", c.gTilde2());
        json.put("fixed_points_eigenvalues", Arrays.stream(c.kappa()).map(k -> c.eigenvalue(c.mu2() - k)).toArray());
        json.put("scenario_file", SCENARIO);
        double[] matrixMean = new double[n], particleMean = new double[n], matrixVar = new double[n], particleVar = new double[n];
        for (int i = 0; i < n; i++) {
            double[] a = column(matrixFinal, i), b = column(particleFinal, i);
            matrixMean[i] = c.eigenvalue(mean(a));
            particleMean[i] = c.eigenvalue(mean(b));
            matrixVar[i] = variance(a) / (c.sigmaH2() * c.sigmaH2());
            particleVar[i] = variance(b) / (c.sigmaH2() * c.sigmaH2());
            if (a.length >= 2) comparisons.add(twoSample("mode " + i + ": eigenvalue of WᵀW (matrix) against the particle companion", t, a, b));
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
        if (pairs.length > 0 && matrixFinal.size() >= 2) {
            double[] sm = spacings(matrixFinal, pairs), sp = spacings(particleFinal, pairs);
            WignerSurmise surmise = new WignerSurmise(1);
            String note = "n_eff = " + sm.length + " spacings (members × " + pairs.length + " pairs), each divided by its pair's mean over members";
            comparisons.add(SpectralComparison.ks("degenerate-pair spacing / mean (matrix) against the Wigner surmise β = 1", t, sm, surmise, 0.0, note));
            comparisons.add(SpectralComparison.ks("degenerate-pair spacing / mean (particles) against the Wigner surmise β = 1", t, sp, surmise, 0.0, note));
            comparisons.add(twoSample("degenerate-pair spacing / mean: matrix against particles", t, sm, sp));
            Plots.save(spacingChart(sm, sp), dir, "companion-spacings");
            plots.put("companion-spacings", "degenerate-pair spacings over their mean, matrix and particles, against the Wigner surmise β = 1");
        }
        Plots.save(densityChart(c, matrixFinal, particleFinal), dir, "companion-densities");
        plots.put("companion-densities", "density of the eigenvalues of WᵀW at the last record, every mode, matrix against particles (same bins)");
        Plots.save(modeChart(c, matrixFinal, particleFinal), dir, "companion-modes");
        plots.put("companion-modes", "mean ± SD across members of each eigenvalue at the last record: matrix against particles, and the fixed points");
        return new ReportSection(KEY, comparisons, json, plots);
    }

    private static Comparison twoSample(String name, double t, double[] a, double[] b) {
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.twoSample(a, b);
        double nEff = (double) a.length * b.length / (a.length + b.length);
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(nEff);
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("n_matrix", (double) a.length);
        details.put("n_particles", (double) b.length);
        details.put("p_value", r.pValue());
        return new Comparison(name, "two-sample KS distance", t, r.distance(), threshold, r.distance() <= threshold,
                KolmogorovSmirnov.CRITICAL_1E4 + "/√(nm/(n + m)) (two-sample KS at level 1e-4); members independent", details);
    }

    /** Spacing of each pair in each member over that pair's mean spacing across members, pooled. */
    static double[] spacings(List<double[]> finals, int[] pairs) {
        double[] out = new double[finals.size() * pairs.length];
        int at = 0;
        for (int i : pairs) {
            double sum = 0;
            for (double[] x : finals) sum += x[i + 1] - x[i];
            double mean = sum / finals.size();
            for (double[] x : finals) out[at++] = (x[i + 1] - x[i]) / mean;
        }
        return out;
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

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    private static double mean(double[] a) {
        return Arrays.stream(a).average().orElse(Double.NaN);
    }

    private static double variance(double[] a) {
        if (a.length < 2) return Double.NaN;
        double m = mean(a), s = 0;
        for (double v : a) s += (v - m) * (v - m);
        return s / (a.length - 1);
    }
}
