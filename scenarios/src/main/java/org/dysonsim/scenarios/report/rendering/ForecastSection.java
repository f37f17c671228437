package org.dysonsim.scenarios.report.rendering;

import static org.dysonsim.scenarios.report.analyses.ForecastCheck.CALIBRATION;
import static org.dysonsim.scenarios.report.analyses.ForecastCheck.LEVEL;
import static org.dysonsim.scenarios.report.analyses.ForecastCheck.REPLICATES;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.report.analyses.ForecastCheck.DriftCheck;
import org.dysonsim.scenarios.report.analyses.ForecastCheck.Forecast;
import org.dysonsim.scenarios.report.analyses.ForecastCheck.MemberForecast;
import org.dysonsim.scenarios.report.analyses.ForecastCheck.Summary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The "forecast" section of a matrix run's report ({@link org.dysonsim.scenarios.report.analyses.ForecastCheck}): JSON and plots. */
final class ForecastSection {
    static final String KEY = "forecast";

    private ForecastSection() {}

    static ReportSection render(Forecast f, Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> plots = new LinkedHashMap<>();
        if (f.members().isEmpty()) {
            json.put("note", "no member has gradient records on both sides of its middle record: no forecast");
            return new ReportSection(KEY, f.comparisons(), json, plots);
        }
        Summary s = f.summary();
        MemberForecast first = f.members().get(0);
        json.put("description", "Olsen et al. Algorithm 1 (bootstrapped drift), Bru's singular-value equation; origin at the middle"
                + " record of each member, drift from the gradient projections of up to " + CALIBRATION + " records up to it, "
                + REPLICATES + " bootstrap replicates, " + Math.round(LEVEL * 100) + " % band");
        json.put("diffusion_source", f.matrix().batch() > 1
                ? "anisotropic: each top-k value diffuses with D_k = α·mean(recorded per-sample variance of its projection)/(2|B|);"
                        + " the other values and the Coulomb, image and wall terms use D = α·mean(recorded per-sample variance of one"
                        + " gradient entry)/(2|B|)"
                : "isotropic D = α·var(projections between records)/2 (|B| = 1)");
        json.put("members", s.members());
        json.put("origin_step", first.originStep());
        json.put("horizon_steps", first.horizons());
        json.put("diffusion_member_0", first.band().diffusion());
        json.put("rank_diffusion_member_0", first.rankDiffusion());
        json.put("drift_member_0", first.band().drift());
        json.put("coverage_by_horizon", s.coverageByHorizon());
        json.put("relative_error_by_horizon", s.relativeErrorByHorizon());
        json.put("persistence_relative_error_by_horizon", s.persistenceErrorByHorizon());
        json.put("relative_band_width_by_horizon", s.relativeWidthByHorizon());
        json.put("coverage", s.coverage());
        json.put("drift_check", driftCheck(f.drift()));
        List<Object> ranks = new ArrayList<>();
        for (int r = 0; r < first.band().ranks(); r++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r);
            m.put("actual", column(first.actual(), r));
            m.put("median", column(first.band().median(), r));
            m.put("lower", column(first.band().lower(), r));
            m.put("upper", column(first.band().upper(), r));
            ranks.add(m);
        }
        json.put("member_0", ranks);
        if (f.olsen() != null) {
            json.put("coverage_olsen_printed_form", f.olsen().coverage());
            json.put("relative_error_by_horizon_olsen_printed_form", f.olsen().relativeErrorByHorizon());
        }

        XYChart band = Charts.chart("Top-" + first.band().ranks() + " singular values of member " + first.member()
                + ": recorded (solid), forecast median (dashed), " + Math.round(LEVEL * 100) + " % band (dotted)", "singular value");
        double[] steps = new double[f.recordedSteps().length];
        for (int k = 0; k < steps.length; k++) steps[k] = f.recordedSteps()[k];
        double[] hx = new double[first.horizons().length];
        for (int h = 0; h < hx.length; h++) hx[h] = first.originStep() + first.horizons()[h];
        // one legend entry per rank: its recorded line; median and band share its colour
        for (int r = 0; r < first.band().ranks(); r++) {
            java.awt.Color colour = RANK_COLOURS[r % RANK_COLOURS.length];
            XYSeries a = band.addSeries("σ_" + (r + 1), steps, column(f.recordedSingularValues(), r));
            a.setMarker(SeriesMarkers.NONE);
            a.setLineColor(colour);
            XYSeries med = band.addSeries("σ_" + (r + 1) + " forecast median", hx, column(first.band().median(), r));
            med.setMarker(SeriesMarkers.NONE);
            med.setLineStyle(DASHED);
            styled(med, colour);
            styled(Charts.addLine(band, "σ_" + (r + 1) + " band low", hx, column(first.band().lower(), r)), colour);
            styled(Charts.addLine(band, "σ_" + (r + 1) + " band high", hx, column(first.band().upper(), r)), colour);
        }
        Plots.save(band, dir, "forecast-band");
        plots.put("forecast-band", "top-k singular values of member " + first.member() + ": recorded, and the forecast median and band from step "
                + first.originStep());
        XYChart error = Charts.chart("Forecast error over the horizon", "coverage, mean |relative error|");
        double[] horizon = new double[s.coverageByHorizon().length];
        for (int h = 0; h < horizon.length; h++) horizon[h] = first.horizons()[h];
        error.setXAxisTitle("steps after the origin");
        Charts.addLine(error, "coverage (members × ranks)", horizon, s.coverageByHorizon());
        Charts.addLine(error, "mean |median − actual|/actual", horizon, s.relativeErrorByHorizon());
        Charts.addLine(error, "persistence: mean |σ(origin) − actual|/actual", horizon, s.persistenceErrorByHorizon());
        Charts.addLine(error, "mean band width/actual", horizon, s.relativeWidthByHorizon());
        Charts.addLine(error, "nominal level", horizon, filled(horizon.length, LEVEL));
        Plots.save(error, dir, "forecast-error");
        plots.put("forecast-error", "coverage of the band, mean relative error of the median (and of persistence) and relative band width"
                + " against the forecast horizon");
        return new ReportSection(KEY, f.comparisons(), json, plots);
    }

    static Map<String, Object> driftCheck(DriftCheck d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("description", "per rank: mean first-order drift −α·u_kᵀG_Bv_k per step and mean recorded change of σ_k per step over"
                + " consecutive records, averaged over members; standard error of their difference from the spread across members");
        out.put("first_order_drift", d.firstOrder());
        out.put("observed_drift", d.observed());
        out.put("difference_se", d.differenceSe());
        return out;
    }

    private static final java.awt.Color[] RANK_COLOURS = {new java.awt.Color(31, 119, 180), new java.awt.Color(214, 39, 40),
        new java.awt.Color(44, 160, 44), new java.awt.Color(148, 103, 189), new java.awt.Color(255, 127, 14),
        new java.awt.Color(140, 86, 75), new java.awt.Color(227, 119, 194), new java.awt.Color(127, 127, 127)};
    private static final java.awt.BasicStroke DASHED = new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    private static final java.awt.BasicStroke DOTTED = new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);

    /** A forecast line in its rank's colour, kept out of the legend (dotted unless already styled). */
    private static void styled(XYSeries s, java.awt.Color colour) {
        if (s == null) return;
        s.setLineColor(colour);
        if (s.getLineStyle() == null) s.setLineStyle(DOTTED);
        s.setShowInLegend(false);
    }

    private static double[] column(double[][] a, int r) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i][r];
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
