package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Levels;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.SpectralComparison;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.physics.exact.CirTransition;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.laws.SpectralLaw;

/**
 * The exact CIR transition law (docs/physics.md §3) of every mode from its own recorded start, at every
 * recorded time t > 0. Modes and members are independent, so the comparison is exact at finite N:
 * each level is mapped through the CDF of its own transition law (probability integral transform),
 * and the transformed values, iid uniform under the prediction, are held against U(0, 1) — KS and
 * L1 are those of the transformed sample, n_eff = members × modes. The density shown in plots is
 * the mixture of the transition laws of at most {@link #PLOTTED_STARTS} starts spread over all of them.
 */
public final class CirTransitionPrediction implements Prediction {
    /** Mixture components for the plotted density: the mixture is a picture, the verdict is exact. */
    static final int PLOTTED_STARTS = 64;

    private final CirModel model;
    private final List<double[]> starts;   // per member, the levels at record 0
    private final double[] plotted;

    public CirTransitionPrediction(CirModel model, RunStart run) {
        this.model = model;
        this.starts = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int j = 0; j < run.start().size(); j++) {
            double[] x = run.start().levels(run.spec(), j);
            starts.add(x);
            for (double v : x) all.add(v);
        }
        // the middle start of each of `count` equal shares of the sorted starts: every level is represented
        // (a stride over member-ordered levels could hit the same level index of every member)
        java.util.Collections.sort(all);
        int count = Math.min(PLOTTED_STARTS, all.size());
        plotted = new double[count];
        for (int i = 0; i < count; i++) plotted[i] = all.get((int) (((long) 2 * i + 1) * all.size() / (2L * count)));
    }

    @Override
    public String name() {
        return "exact CIR transition law (α₀ = " + Decimals.of(model.alpha0()) + ", β₁ = " + Decimals.of(model.beta1())
                + ", ηD = " + Decimals.of(model.etaD()) + ")";
    }

    @Override
    public boolean appliesAt(double t) {
        return t > 0.0;
    }

    private CirTransition law(double start, double t) {
        return new CirTransition(model.alpha0(), model.beta1(), model.etaD(), start, t);
    }

    @Override
    public double density(double x, double t) {
        double s = 0.0;
        for (double start : plotted) s += law(start, t).density(x);
        return s / plotted.length;
    }

    /** Exact: the mixture over every start of each transition's mean c(d + λ_nc) and variance 2c²(d + 2λ_nc). */
    @Override
    public java.util.Optional<double[]> moments(double t) {
        double first = 0, second = 0;
        int count = 0;
        for (double[] member : starts) {
            for (double start : member) {
                CirTransition law = law(start, t);
                first += law.mean();
                second += law.variance() + law.mean() * law.mean();
                count++;
            }
        }
        double mean = first / count;
        return java.util.Optional.of(new double[] {mean, second / count - mean * mean});
    }

    @Override
    public double cdf(double x, double t) {
        double s = 0.0;
        for (double start : plotted) s += law(start, t).cdf(x);
        return s / plotted.length;
    }

    @Override
    public Comparison compare(RunSpec spec, RecordSlice slice, double t) {
        List<Double> u = new ArrayList<>();
        for (int j = 0; j < slice.size(); j++) {
            double[] now = slice.levels(spec, j);
            double[] start = starts.get(slice.index()[j]);
            for (int i = 0; i < now.length; i++) u.add(law(start[i], t).cdf(now[i]));
        }
        double[] pit = u.stream().mapToDouble(Double::doubleValue).toArray();
        return SpectralComparison.ks(name(), t, pit, UNIFORM, 0.0,
                "KS of F_t(λ | λ₀) over every level against U(0, 1); n_eff = " + pit.length
                        + " independent (member, mode) pairs, exact at finite N");
    }

    /** U(0, 1), the law of a continuous variable pushed through its own CDF. */
    static final SpectralLaw UNIFORM = new SpectralLaw() {
        public double density(double x) {
            return x >= 0.0 && x <= 1.0 ? 1.0 : 0.0;
        }

        public double cdf(double x) {
            return Math.max(0.0, Math.min(1.0, x));
        }

        public double lower() {
            return 0.0;
        }

        public double upper() {
            return 1.0;
        }
    };
}
