package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Levels;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.MatrixModel;

/**
 * The ensemble statistics of a run in spectral coordinates (λ = s² for singular-value runs):
 * per recorded time, the mean and variance of all levels of all members, and the smallest gap
 * between neighbours seen in any recorded snapshot (NaN for independent modes, which may cross).
 */
public record SpectrumStatistics(long[] steps, double[] times, double[] mean, double[] variance,
                                 double minGap, int minGapMember, long minGapStep,
                                 double[] finalModeMean, double[] finalModeVariance) {

    public static SpectrumStatistics of(RunResult result) {
        RunSpec spec = result.spec();
        List<MemberTrajectory> members = result.members();
        int records = members.stream().mapToInt(m -> m.steps().length).max().orElse(0);
        MemberTrajectory longest = members.stream().filter(m -> m.steps().length == records).findFirst().orElseThrow();
        double[] mean = new double[records];
        double[] variance = new double[records];
        boolean ordered = spec.model() instanceof GasModel || spec.model() instanceof MatrixModel;
        double minGap = ordered ? Double.POSITIVE_INFINITY : Double.NaN;
        int gapMember = -1;
        long gapStep = -1;
        for (int k = 0; k < records; k++) {
            double sum = 0;
            double sumSq = 0;
            long count = 0;
            for (MemberTrajectory m : members) {
                if (k >= m.values().length) continue;
                double[] x = m.values()[k];
                for (int i = 0; i < x.length; i++) {
                    double v = Levels.level(spec, x[i]);
                    sum += v;
                    sumSq += v * v;
                    count++;
                    if (ordered && i > 0) {
                        double gap = v - Levels.level(spec, x[i - 1]);
                        if (gap < minGap) {
                            minGap = gap;
                            gapMember = m.member();
                            gapStep = m.steps()[k];
                        }
                    }
                }
            }
            mean[k] = sum / count;
            variance[k] = count > 1 ? (sumSq - sum * sum / count) / (count - 1) : 0.0;
        }
        int n = spec.n();
        double[] modeMean = new double[n];
        double[] modeVariance = new double[n];
        double[][] last = Levels.finalLevels(result);
        for (int i = 0; i < n; i++) {
            double s = 0;
            double ss = 0;
            for (double[] x : last) {
                s += x[i];
                ss += x[i] * x[i];
            }
            modeMean[i] = s / last.length;
            modeVariance[i] = last.length > 1 ? (ss - s * s / last.length) / (last.length - 1) : 0.0;
        }
        return new SpectrumStatistics(longest.steps().clone(), longest.times().clone(), mean, variance, minGap,
                gapMember, gapStep, modeMean, modeVariance);
    }
}
