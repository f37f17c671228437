package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.report.Decimals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.dysonsim.physics.laws.WignerSurmise;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.analyses.EnsembleSummary;
import org.dysonsim.scenarios.report.predictions.HarmonicPairs;
import org.dysonsim.scenarios.report.predictions.LawPrediction;

/**
 * The figure of a run about the Wigner surmise (degenerate harmonic pairs, {@link HarmonicPairs}):
 * the histogram of every pair's spacing over its exact mean √π σ at the last record, all pairs
 * and members pooled, against P(s) = (πs/2) e^{−πs²/4} (β = 1; docs/physics.md §3). Drawn once
 * the pairs are stationary, as the comparisons of the spacings are.
 */
final class SpacingHistogram {
    static final String BASE = "spacings";

    private SpacingHistogram() {}

    /** Saves the figure and lists it in {@code plots} when the run is about pairs; else does nothing. */
    static void write(EnsembleSummary summary, RecordSlice last, double t, Path dir, Map<String, String> plots) throws IOException {
        var found = HarmonicPairs.of(summary.runStart());
        if (found.isEmpty() || last == null || t < found.get().late()) return;
        HarmonicPairs pairs = found.get();
        double[] spacings = IntStream.range(0, pairs.pairs()).mapToObj(j -> pairs.normalisedSpacings(last, j))
                .flatMapToDouble(Arrays::stream).toArray();
        if (spacings.length < 2) return;
        var surmise = new LawPrediction("Wigner surmise β = 1, P(s) = (πs/2) e^(−πs²/4)", new WignerSurmise(1), 0.0,
                Double.POSITIVE_INFINITY, 0.0);
        Plots.save(Plots.density("Pair spacings at t = " + Decimals.of(t) + " against the Wigner surmise", "s = S/(√π σ)",
                spacings, surmise, t), dir, BASE);
        plots.put(BASE, "histogram of the spacing of each degenerate pair over its exact mean √πσ (" + pairs.pairs()
                + " pairs × " + last.size() + " members pooled) against the Wigner surmise P(s)");
    }
}
