package org.dysonsim.physics.tails;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole tail analysis of one sample (docs/physics.md §8): the power-law fit, the bootstrap
 * goodness of fit (null when no sets were asked for), each alternative fitted on the tail with its
 * likelihood-ratio test against the power law (R &gt; 0 favours the power law; nested test for the
 * truncated power law, Vuong's for the others), the x_max clipping check, and the verdict.
 *
 * <p>Verdict rule, every test at {@link #LEVEL} = 0.1 (Clauset, Shalizi, Newman's level):
 * <ol>
 * <li>The winners are the alternatives the test against the power law favours significantly.</li>
 * <li>No winner: "power law" unless the bootstrap p is below the level, then "cannot tell"
 *     (the power law is rejected, yet nothing fits better).</li>
 * <li>Otherwise a winner W beats another winner M when: M is nested in W and the nested test
 *     favours W; W is nested in M and the nested test does not favour M (the simpler law wins a
 *     tie); neither is nested and Vuong's test favours W. The verdict is the one winner that beats
 *     every other winner, else "cannot tell".</li>
 * </ol>
 */
public record TailAnalysis(PowerLawFit powerLaw, TailBootstrap bootstrap, Map<Alternative, FittedModel> alternatives,
                           Map<Alternative, LikelihoodRatio> comparisons, UpperTruncation upperTruncation,
                           TailVerdict verdict) {
    public static final double LEVEL = 0.1;

    /**
     * @param xMin          the lower end of the tail, or NaN to choose it by KS (and again on every bootstrap set)
     * @param bootstrapSets K; 0 skips the bootstrap
     * @param threads       the bootstrap's thread count (does not change any result)
     */
    public static TailAnalysis of(double[] data, boolean discrete, double xMin, int bootstrapSets, long seed, int threads) {
        boolean search = Double.isNaN(xMin);
        PowerLawFit fit = search ? PowerLawFit.fit(data, discrete) : PowerLawFit.fitAbove(data, xMin, discrete);
        double[] tail = fit.tail(data);
        double[] pl = new double[tail.length];
        for (int i = 0; i < tail.length; i++) pl[i] = fit.logDensity(tail[i]);
        Map<Alternative, FittedModel> models = new EnumMap<>(Alternative.class);
        Map<Alternative, LikelihoodRatio> tests = new EnumMap<>(Alternative.class);
        for (Alternative a : Alternative.values()) {
            FittedModel m = discrete ? DiscreteAlternatives.fit(a, tail, fit.xMin(), fit) : ContinuousAlternatives.fit(a, tail, fit.xMin(), fit);
            models.put(a, m);
            tests.put(a, a == Alternative.TRUNCATED_POWER_LAW ? LikelihoodRatio.nested(pl, m.pointLogLikelihoods())
                    : LikelihoodRatio.vuong(pl, m.pointLogLikelihoods()));
        }
        TailBootstrap boot = bootstrapSets > 0 ? TailBootstrap.of(data, fit, search, bootstrapSets, seed, threads) : null;
        return new TailAnalysis(fit, boot, models, tests, UpperTruncation.of(tail, fit), verdict(boot, models, tests));
    }

    static TailVerdict verdict(TailBootstrap boot, Map<Alternative, FittedModel> models, Map<Alternative, LikelihoodRatio> tests) {
        List<Alternative> winners = new ArrayList<>();
        for (Alternative a : Alternative.values()) if (tests.get(a).favours(LEVEL) < 0) winners.add(a);
        if (winners.isEmpty()) return boot != null && boot.pValue() < LEVEL ? TailVerdict.CANNOT_TELL : TailVerdict.POWER_LAW;
        Alternative chosen = null;
        for (Alternative w : winners) {
            boolean beatsAll = true;
            for (Alternative m : winners) if (m != w && !beats(w, m, models)) beatsAll = false;
            if (beatsAll) {
                if (chosen != null) return TailVerdict.CANNOT_TELL;
                chosen = w;
            }
        }
        return chosen == null ? TailVerdict.CANNOT_TELL : TailVerdict.of(chosen);
    }

    private static boolean beats(Alternative w, Alternative m, Map<Alternative, FittedModel> models) {
        double[] lw = models.get(w).pointLogLikelihoods(), lm = models.get(m).pointLogLikelihoods();
        if (m.nestedIn(w)) return LikelihoodRatio.nested(lm, lw).favours(LEVEL) < 0;
        if (w.nestedIn(m)) return LikelihoodRatio.nested(lw, lm).favours(LEVEL) == 0;
        return LikelihoodRatio.vuong(lw, lm).favours(LEVEL) > 0;
    }
}
