package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dysonsim.physics.stats.BatchMeans;
import org.dysonsim.scenarios.report.MemberSource;

/**
 * The stationary width of a run's levels (docs/physics.md §1, linear scaling rule; errors §7):
 * σ² = the variance of each level across members, averaged over the levels and over every record
 * of the stationary window, the second half of the run (records at step ≥ steps/2, step 0 never;
 * the last record always). At record r member k contributes
 * {@code q_kr = m/(m − 1) · (1/n) Σ_i (x_kri − x̄_ri)²}, x̄_ri the mean of level i over the m
 * members at that record, so σ² is the mean of the q_kr. Its standard error is from batch means:
 * each member's series q_k· is cut into batches of {@link BatchMeans#BATCH_TAUS} integrated
 * autocorrelation times τ (τ of the member-averaged series, which has the members' own
 * autocorrelation), or into one batch per member when the window is shorter than that; the
 * batches of all members are pooled and the error is their spread over √(number of batches).
 * Members are independent, so a batch per member is always a valid batch.
 */
public final class StationaryWidth {
    private StationaryWidth() {}

    /**
     * @param width       σ², the mean of the q_kr over the records the batches cover
     * @param standardError σ²'s, from the spread of the batch means
     * @param tau         the integrated autocorrelation time of the width series, in records
     * @param batchLength records per batch
     * @param batches     batches pooled over the members
     * @param records     records in the stationary window
     * @param members     members with every record of the window
     */
    public record Estimate(double width, double standardError, double tau, int batchLength, int batches, int records,
                           int members) {}

    /** The width of a run recorded {@code steps} steps long, reading its members twice (means, then deviations). */
    public static Estimate of(MemberSource source, long steps) {
        long from = Math.max(1, (steps + 1) / 2);
        // pass 1: per recorded step of the window, the sum of each level over the members that have it
        Map<Long, double[]> sums = new TreeMap<>();
        Map<Long, Integer> counts = new TreeMap<>();
        int[] members = {0};
        source.forEach(m -> {
            if (m.values().length == 0) return;
            members[0]++;
            for (int r = 0; r < m.steps().length; r++) {
                if (m.steps()[r] < from && r < m.steps().length - 1) continue;
                double[] x = m.values()[r];
                double[] s = sums.computeIfAbsent(m.steps()[r], k -> new double[x.length]);
                for (int i = 0; i < x.length; i++) s[i] += x[i];
                counts.merge(m.steps()[r], 1, Integer::sum);
            }
        });
        // the window: the steps every member recorded
        List<Long> window = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() == members[0]) window.add(e.getKey());
        }
        int m = members[0];
        if (m < 2 || window.isEmpty()) return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0, 0, window.size(), m);
        double[][] means = new double[window.size()][];
        for (int r = 0; r < means.length; r++) {
            means[r] = sums.get(window.get(r)).clone();
            for (int i = 0; i < means[r].length; i++) means[r][i] /= m;
        }
        // pass 2: each member's q over the window
        double[][] q = new double[m][window.size()];
        int[] k = {0};
        source.forEach(member -> {
            if (member.values().length == 0) return;
            int r = 0;
            for (int j = 0; j < member.steps().length && r < window.size(); j++) {
                if (member.steps()[j] != window.get(r)) continue;
                q[k[0]][r] = deviation(member.values()[j], means[r], m);
                r++;
            }
            k[0]++;
        });
        return ofDeviations(q);
    }

    /** The width of positions {@code x[member][record][level]}, every record stationary. */
    public static Estimate of(double[][][] x) {
        int m = x.length, records = x[0].length, n = x[0][0].length;
        double[][] q = new double[m][records];
        for (int r = 0; r < records; r++) {
            double[] mean = new double[n];
            for (double[][] member : x) {
                for (int i = 0; i < n; i++) mean[i] += member[r][i] / m;
            }
            for (int k = 0; k < m; k++) q[k][r] = deviation(x[k][r], mean, m);
        }
        return ofDeviations(q);
    }

    /** {@code m/(m − 1) · (1/n) Σ_i (x_i − mean_i)²}: one member's unbiased share of the across-member variance. */
    private static double deviation(double[] x, double[] mean, int m) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) s += (x[i] - mean[i]) * (x[i] - mean[i]);
        return s * m / ((m - 1.0) * x.length);
    }

    /** Batch means over {@code q[member][record]}: batches of ≥ 20τ records within a member, pooled over the members. */
    static Estimate ofDeviations(double[][] q) {
        int m = q.length, records = q[0].length;
        double[] averaged = new double[records];
        for (double[] member : q) {
            for (int r = 0; r < records; r++) averaged[r] += member[r] / m;
        }
        double tau = records < 2 ? 0.5 : BatchMeans.integratedAutocorrelationTime(averaged);
        int length = (int) Math.min(records, Math.max(1, Math.ceil(BatchMeans.BATCH_TAUS * tau)));
        int perMember = records / length;
        // the batches end at the last record; an earlier remainder shorter than a batch is left out
        int first = records - perMember * length;
        double[] batch = new double[m * perMember];
        for (int k = 0; k < m; k++) {
            for (int b = 0; b < perMember; b++) {
                double s = 0.0;
                for (int r = first + b * length; r < first + (b + 1) * length; r++) s += q[k][r];
                batch[k * perMember + b] = s / length;
            }
        }
        double mean = 0.0;
        for (double v : batch) mean += v / batch.length;
        double spread = 0.0;
        for (double v : batch) spread += (v - mean) * (v - mean);
        double se = batch.length < 2 ? Double.NaN : Math.sqrt(spread / (batch.length - 1) / batch.length);
        return new Estimate(mean, se, tau, length, batch.length, records, m);
    }
}
