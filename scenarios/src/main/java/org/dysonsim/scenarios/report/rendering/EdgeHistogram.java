package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.dysonsim.physics.laws.TracyWidom;
import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.analyses.EnsembleSummary;
import org.dysonsim.scenarios.report.analyses.TracyWidomEdge;
import org.dysonsim.scenarios.report.predictions.LawPrediction;

/**
 * The figure of the edge check ({@link TracyWidomEdge}): the histogram of every member's largest
 * eigenvalue at the last record on the Tracy–Widom scale, χ = (λ_max − centre)/scale, against the
 * density of F₁ (docs/physics.md §3).
 */
final class EdgeHistogram {
    static final String BASE = "edge";

    private EdgeHistogram() {}

    /** Saves the figure and lists it in {@code plots} when the edge check applies; else does nothing. */
    static void write(EnsembleSummary summary, RecordSlice last, double t, Path dir, Map<String, String> plots) throws IOException {
        if (last == null || !TracyWidomEdge.applies(summary)) return;
        double[] chi = TracyWidomEdge.scaled(summary, last, t);
        var f1 = new LawPrediction("Tracy–Widom F₁ density", new TracyWidom(1), 0.0, Double.POSITIVE_INFINITY, 0.0);
        Plots.save(Plots.density("Largest eigenvalue at t = " + Decimals.of(t) + " on the Tracy–Widom scale", "χ",
                chi, f1, t), dir, BASE);
        plots.put(BASE, "histogram of each member's largest eigenvalue at the last record, χ = (λ_max − centre)/scale with the"
                + " N^(−2/3) edge scaling (" + chi.length + " members), against the Tracy–Widom F₁ density");
    }
}
