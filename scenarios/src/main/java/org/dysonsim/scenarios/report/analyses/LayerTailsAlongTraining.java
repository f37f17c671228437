package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.physics.tails.PowerLawFit;
import org.dysonsim.physics.tails.TailAnalysis;
import org.dysonsim.protocol.LayerLayout;

/**
 * The complete tail analysis ({@link TailAnalysis}: power-law fit, bootstrap goodness of fit,
 * likelihood-ratio tests, verdict; docs/physics.md §8) of one layer's nonzero eigenvalues of WᵀW
 * at a few records of one member, spread over the run.
 *
 * @param layer the layer's name
 * @param steps the analysed steps, ascending
 * @param tails the analysis at each of {@code steps}; null where the layer has fewer than
 *              {@link PowerLawFit#MIN_TAIL} positive eigenvalues
 */
public record LayerTailsAlongTraining(String layer, long[] steps, List<TailAnalysis> tails) {
    /**
     * The most records analysed per layer, evenly spread, first and last included. One record of
     * a 784×300 layer (300 eigenvalues) takes 0.1–0.6 s with {@link #BOOTSTRAP_SETS} sets on the
     * shared 2-core machine; a 13-record mlp-fashion report took 0.5 s more CPU than without.
     */
    public static final int TESTED_RECORDS = 12;
    /** Bootstrap sets per analysis: the p-value's precision √(p(1 − p)/K) is ±0.05 at p = ½, ±0.03 at p = 0.1. */
    public static final int BOOTSTRAP_SETS = 100;
    /** The counter stream of the bootstrap seeds, apart from every stream a run draws. */
    static final long SEED_STREAM = 0x7A11L;

    /** The records {@link #TESTED_RECORDS} of {@code member} analysed: indices into its records. */
    public static int[] testedRecords(MemberTrajectory member) {
        return org.dysonsim.scenarios.report.RecordSlices.spread(member.steps().length, TESTED_RECORDS);
    }

    /**
     * Every layer of {@code layout} at {@link #testedRecords}; the bootstrap of layer l at record k
     * draws from a seed derived from ({@code runSeed}, member, l, k), so results do not depend on
     * the thread count nor on which other records are analysed.
     */
    public static List<LayerTailsAlongTraining> of(LayerLayout layout, MemberTrajectory member, long runSeed) {
        return of(layout, member, runSeed, Runtime.getRuntime().availableProcessors());
    }

    /** As above, the bootstraps on {@code threads} threads. */
    static List<LayerTailsAlongTraining> of(LayerLayout layout, MemberTrajectory member, long runSeed, int threads) {
        int[] records = testedRecords(member);
        long[] steps = Arrays.stream(records).mapToLong(k -> member.steps()[k]).toArray();
        List<LayerTailsAlongTraining> out = new ArrayList<>();
        for (int l = 0; l < layout.layers().size(); l++) {
            List<TailAnalysis> tails = new ArrayList<>();
            for (int k : records) {
                double[] values = positive(layout, l, member.values()[k]);
                long seed = CounterRng.bits(runSeed, member.member(), l, k, SEED_STREAM);
                tails.add(values.length < PowerLawFit.MIN_TAIL ? null
                        : TailAnalysis.of(values, false, Double.NaN, BOOTSTRAP_SETS, seed, threads));
            }
            out.add(new LayerTailsAlongTraining(layout.layers().get(l).name(), steps.clone(), java.util.Collections.unmodifiableList(tails)));
        }
        return out;
    }

    /** The positive eigenvalues among layer {@code l}'s top min(rows, cols) of WᵀW, ascending. */
    static double[] positive(LayerLayout layout, int l, double[] record) {
        LayerLayout.Layer layer = layout.layers().get(l);
        double[] sorted = layout.of(record, l).clone();
        Arrays.sort(sorted);
        int p = Math.min(layer.rows(), layer.cols());
        return Arrays.stream(sorted, Math.max(0, sorted.length - p), sorted.length).filter(v -> v > 0).toArray();
    }

    /** The last analysis made, or null. */
    public TailAnalysis last() {
        return tails.isEmpty() ? null : tails.get(tails.size() - 1);
    }
}
