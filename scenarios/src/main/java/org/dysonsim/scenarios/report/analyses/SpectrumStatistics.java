package org.dysonsim.scenarios.report.analyses;

import java.util.Arrays;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;
import org.dysonsim.scenarios.report.Levels;

/**
 * The ensemble statistics of a run in spectral coordinates (λ = s² for singular-value runs):
 * per recorded time, the mean and variance of all levels of all members, and the smallest gap
 * between neighbours seen in any recorded snapshot (NaN for independent modes, which may cross).
 */
public record SpectrumStatistics(long[] steps, double[] times, double[] mean, double[] variance,
                                 double minGap, int minGapMember, long minGapStep,
                                 double[] finalModeMean, double[] finalModeVariance) {

    public static SpectrumStatistics of(RunResult result) {
        Accumulator a = new Accumulator(result.spec());
        result.members().forEach(a::add);
        return a.result();
    }

    /**
     * The statistics taken one member at a time, in member order, with the arithmetic of a pass
     * over all members at once: each sum adds the members in member order, and of equal gaps the
     * one at the earliest (record, member, level) is kept.
     */
    public static final class Accumulator {
        private final RunSpec spec;
        private final boolean ordered;
        private double[] sum = new double[0], sumSq = new double[0];
        private long[] count = new long[0];
        private long[] steps = new long[0];
        private double[] times = new double[0];
        private double minGap;
        private int gapMember = -1, gapRecord = Integer.MAX_VALUE, gapIndex = Integer.MAX_VALUE;
        private long gapStep = -1;
        private final double[] modeSum, modeSumSq;
        private int members;

        public Accumulator(RunSpec spec) {
            this.spec = spec;
            this.ordered = spec.model() instanceof GasModel || spec.model() instanceof MatrixModel;
            this.minGap = ordered ? Double.POSITIVE_INFINITY : Double.NaN;
            this.modeSum = new double[spec.n()];
            this.modeSumSq = new double[spec.n()];
        }

        /** The next member with at least one snapshot. */
        public void add(MemberTrajectory m) {
            int records = m.steps().length;
            if (records > steps.length) {
                // the first longest member gives the times
                steps = m.steps().clone();
                times = m.times().clone();
                sum = Arrays.copyOf(sum, records);
                sumSq = Arrays.copyOf(sumSq, records);
                count = Arrays.copyOf(count, records);
            }
            for (int k = 0; k < m.values().length; k++) {
                double[] x = m.values()[k];
                for (int i = 0; i < x.length; i++) {
                    double v = Levels.level(spec, x[i]);
                    sum[k] += v;
                    sumSq[k] += v * v;
                    count[k]++;
                    if (ordered && i > 0) gap(v - Levels.level(spec, x[i - 1]), k, m, m.steps()[k]);
                }
            }
            double[] last = Levels.levels(spec, m.values()[m.values().length - 1]);
            for (int i = 0; i < modeSum.length; i++) {
                modeSum[i] += last[i];
                modeSumSq[i] += last[i] * last[i];
            }
            members++;
        }

        private void gap(double gap, int k, MemberTrajectory m, long step) {
            boolean earlier = k < gapRecord || (k == gapRecord && members < gapIndex);
            if (gap < minGap || (gap == minGap && earlier)) {
                minGap = gap;
                gapMember = m.member();
                gapStep = step;
                gapRecord = k;
                gapIndex = members;
            }
        }

        public SpectrumStatistics result() {
            int records = steps.length;
            double[] mean = new double[records];
            double[] variance = new double[records];
            for (int k = 0; k < records; k++) {
                mean[k] = sum[k] / count[k];
                variance[k] = count[k] > 1 ? (sumSq[k] - sum[k] * sum[k] / count[k]) / (count[k] - 1) : 0.0;
            }
            int n = spec.n();
            double[] modeMean = new double[n];
            double[] modeVariance = new double[n];
            for (int i = 0; i < n; i++) {
                double s = modeSum[i];
                double ss = modeSumSq[i];
                modeMean[i] = s / members;
                modeVariance[i] = members > 1 ? (ss - s * s / members) / (members - 1) : 0.0;
            }
            return new SpectrumStatistics(steps.clone(), times.clone(), mean, variance, minGap, gapMember, gapStep,
                    modeMean, modeVariance);
        }
    }
}
