package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Power;

import java.util.List;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;

/**
 * Without a gradient every entry of an m×n matrix W = W₀ + sB diffuses with variance rate
 * s² = 2ηD, so E tr(WᵀW) grows by s²mn per unit time and the mean squared singular value by
 * 2ηD·m, exactly (Bru's equation, docs/physics.md §1). The form printed by Olsen et al. implies
 * ηD(m + 2) instead, so a zero-drift wishart run decides between the conventions.
 */
final class WishartGrowth implements RunCheck {
    /** z of the verdict (docs/physics.md §7): the member means are independent. */
    static final double Z = 5.0;

    public List<Comparison> compare(EnsembleSummary result, RecordSlice lastRecord) {
        RunSpec spec = result.spec();
        SpectrumStatistics stats = result.stats();
        if (spec.coordinates() != RunSpec.Coordinates.SINGULAR_VALUES || spec.members() < 2) return List.of();
        // a gas not mapped from a wishart scenario (or with a drift) has no exact growth rate to check
        if (!(spec.mapping() instanceof RunSpec.Mapping.Wishart wishart)) return List.of();
        if (!(spec.model() instanceof GasModel gas) || !(gas.drift() instanceof Drift.Zero)) return List.of();
        int m = wishart.m();
        double etaD = wishart.etaD();
        int last = stats.times().length - 1;
        double t = stats.times()[last];
        if (!(t > 0) || !result.succeeded()) return List.of();

        double[][] start = new double[spec.members()][];
        for (int k = 0; k < start.length; k++) start[k] = result.start().levels(spec, k);
        double[][] end = new double[result.finals().size()][];
        for (int k = 0; k < end.length; k++) end[k] = result.finals().levels(spec, k);
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < end.length; k++) {
            double growth = (mean(end[k]) - mean(start[k])) / t;
            sum += growth;
            sumSq += growth * growth;
        }
        int members = end.length;
        double rate = sum / members;
        double se = Math.sqrt((sumSq - sum * sum / members) / (members - 1) / members);
        double bru = 2 * etaD * m;
        double deviation = Math.abs(rate - bru);
        String rule = String.format("pass when |rate − 2ηD·m| = |rate − %.4g| ≤ %.1f standard errors (SE %.3g); the printed "
                + "Olsen form predicts ηD(m + 2) = %.4g", bru, Z, se, etaD * (m + 2));
        return List.of(new Comparison("mean level grows at the exact matrix rate 2ηD·m (zero gradient)",
                "|rate − 2ηD·m|, rate = " + Decimals.of(rate, 4), t, deviation, Z * se, deviation <= Z * se, rule,
                Power.ofTolerance(Z * se, bru, "growth rate of the mean level")));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }
}
