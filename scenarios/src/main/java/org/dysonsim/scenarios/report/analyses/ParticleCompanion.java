package org.dysonsim.scenarios.report.analyses;

import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.MatrixRun;
import org.dysonsim.scenarios.report.Power;
import org.dysonsim.scenarios.report.SpectralComparison;
import org.dysonsim.scenarios.report.predictions.RbmCompanion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.scenarios.report.MemberSource;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.gas.RefiningStep;
import org.dysonsim.physics.laws.WignerSurmise;
import org.dysonsim.physics.stats.KolmogorovSmirnov;
import org.dysonsim.protocol.TrajectoryEvent.GradientRecorded;

/**
 * Matrix against particles for an RBM matrix run: the {@link RbmCompanion} gas is run with
 * {@link GasStepper} ({@link RbmCompanion#STEPPING}, refined where a step fails: {@link RefiningStep})
 * from each member's own initial spectrum (x = σ_h²λ), as many SGD steps as the
 * matrix run, its noise in streams of the run's seed plus {@link #SEED_OFFSET}; both are compared at
 * the last record (taken as stationary):
 * <ul>
 * <li>per mode, the law of x_i across members: two-sample KS at level 1e-4;</li>
 * <li>degenerate pairs of the lattice: the pair spacing over its mean across members, pooled over
 *     pairs, against the Wigner surmise β = 1 (one-sample KS at 1e-4; the mean is estimated, which
 *     makes the iid critical value conservative) for the matrix and for the particles.</li>
 * </ul>
 * The companion's scenario text is kept for the report to write beside it, for {@code dyson run}.
 */
public final class ParticleCompanion {
    static final long SEED_OFFSET = 0xc0113L;
    /** Share of the records, from the end, whose noise variance calibrates the companion (the later, near-stationary part). */
    public static final double CALIBRATION_SHARE = 0.5;

    private ParticleCompanion() {}

    /**
     * The per-sample gradient noise along each mode (ascending), averaged over the later records of
     * every member: for the top-k modes the recorded variance of the projection on their singular
     * pair, for the others the recorded variance of one gradient entry. NaN where nothing finite
     * was recorded (|B| = 1).
     */
    static double[] noiseVariances(MemberSource members, int n) {
        double[] sum = new double[n];
        int[] count = new int[n];
        members.forEach(m -> {
            List<GradientRecorded> g = m.gradients();
            for (int k = (int) Math.floor(g.size() * (1 - CALIBRATION_SHARE)); k < g.size(); k++) {
                GradientRecorded r = g.get(k);
                double[] pv = r.projectionVariances();
                for (int i = 0; i < n; i++) {
                    int rank = n - 1 - i;
                    double v = rank < pv.length ? pv[rank] : r.noiseVariance();
                    if (Double.isFinite(v)) {
                        sum[i] += v;
                        count[i]++;
                    }
                }
            }
        });
        for (int i = 0; i < n; i++) sum[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        return sum;
    }

    /** The companion's particles at step {@code last}, the matrix member's last record. */
    static double[] run(RbmCompanion c, GasModel model, long seed, int member, double[] start, long last) {
        GasStepper stepper = new GasStepper(model, RbmCompanion.STEPPING, seed, member);
        double[] x = start.clone();
        RefiningStep.advance(stepper, model, RbmCompanion.STEPPING, x, 0, last, c.alphaP());
        return x;
    }

    /**
     * What the companion found: a note when there is none (no finite noise calibration, a mode
     * without a fixed point, a member outside the domain, a failed gas), else the calibrated
     * companion, the final particle positions of matrix and particles per member, their time,
     * the companion's scenario text, the pair spacings over their mean (null without degenerate
     * pairs or with one member) and the comparisons.
     */
    public record Companion(String note, double[] noiseVariance, RbmCompanion companion, List<double[]> matrixFinal,
                            List<double[]> particleFinal, double t, String scenario, double[] matrixSpacings,
                            double[] particleSpacings, List<Comparison> comparisons) {
        static Companion none(String note, double[] noiseVariance) {
            return new Companion(note, noiseVariance, null, List.of(), List.of(), Double.NaN, null, null, null, List.of());
        }
    }

    /** A member's companion start, last record step and final matrix modes, in particle coordinates x = σ_h²λ. */
    private record MemberStart(int member, double[] start, long last, double[] matrixFinal) {}

    /** Empty unless the run is an RBM matrix run. */
    public static Optional<Companion> of(RecordedRun run, EnsembleSummary summary) {
        return summary.matrixRun().filter(m -> m.loss().equals(MatrixRun.RBM)).map(m -> of(run, m, summary));
    }

    /** Reads the run's members twice, one at a time; the companions of the members run in parallel. */
    public static Companion of(RecordedRun run, MatrixRun matrix, EnsembleSummary summary) {
        double[] v = noiseVariances(run.members(), matrix.cols());
        if (!Arrays.stream(v).allMatch(x -> x > 0)) {
            return Companion.none("no finite gradient-noise variance recorded (|B| = 1?): no companion", v);
        }
        RbmCompanion c = RbmCompanion.of(matrix, v);
        if (Arrays.stream(c.kappa()).anyMatch(k -> k >= c.mu2())) {
            return Companion.none("μ² ≤ max κ: a mode has no fixed point inside (0, μ²) and no noise calibration: no companion", v);
        }
        GasModel model = c.model();
        long seed = run.spec().seed() + SEED_OFFSET;
        int n = c.n();
        // what each member's companion needs is read member by member; the gases then run in parallel
        // (each member's own noise streams: the same bits on any number of threads)
        List<MemberStart> starts = new ArrayList<>();
        run.members().forEach(m -> {
            if (m.values().length == 0) return;
            starts.add(new MemberStart(m.member(), Arrays.stream(m.values()[0]).map(c::particle).sorted().toArray(),
                    m.steps()[m.steps().length - 1], Arrays.stream(m.values()[m.values().length - 1]).map(c::particle).sorted().toArray()));
        });
        String[] outcome = new String[starts.size()];
        double[][] particles = new double[starts.size()][];
        IntStream.range(0, starts.size()).parallel().forEach(j -> {
            MemberStart m = starts.get(j);
            if (m.start()[n - 1] >= c.mu2() || m.start()[0] < 0) {
                outcome[j] = "member " + m.member() + " starts outside the RBM's domain (0, μ²) in x = σ_h²λ: no companion";
                return;
            }
            try {
                particles[j] = run(c, model, seed, m.member(), m.start(), m.last());
            } catch (NonFiniteStateException e) {
                outcome[j] = "the companion gas failed: " + e.getMessage();
            }
        });
        // the first member, in order, that has no companion says why
        Optional<String> stopped = Arrays.stream(outcome).filter(java.util.Objects::nonNull).findFirst();
        if (stopped.isPresent()) return Companion.none(stopped.get(), v);
        List<double[]> matrixFinal = starts.stream().map(MemberStart::matrixFinal).toList();
        List<double[]> particleFinal = Arrays.asList(particles);
        MemberTrajectory first = summary.first();
        double t = first.times()[first.times().length - 1];
        String scenario = c.scenario(run.spec().scenarioName() + "-particles", run.spec().steps(), run.spec().recordEvery(),
                seed, summary.recorded(), Arrays.stream(first.values()[0]).map(c::particle).sorted().toArray());
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] a = column(matrixFinal, i), b = column(particleFinal, i);
            if (a.length >= 2) comparisons.add(twoSample("mode " + i + ": eigenvalue of WᵀW (matrix) against the particle companion", t, a, b));
        }
        int[] pairs = c.degeneratePairs();
        double[] sm = null, sp = null;
        if (pairs.length > 0 && matrixFinal.size() >= 2) {
            sm = spacings(matrixFinal, pairs);
            sp = spacings(particleFinal, pairs);
            WignerSurmise surmise = new WignerSurmise(1);
            String note = "n_eff = " + sm.length + " spacings (members × " + pairs.length + " pairs), each divided by its pair's mean over members";
            comparisons.add(SpectralComparison.ks("degenerate-pair spacing / mean (matrix) against the Wigner surmise β = 1", t, sm, surmise, 0.0, note));
            comparisons.add(SpectralComparison.ks("degenerate-pair spacing / mean (particles) against the Wigner surmise β = 1", t, sp, surmise, 0.0, note));
            comparisons.add(twoSample("degenerate-pair spacing / mean: matrix against particles", t, sm, sp));
        }
        return new Companion(null, v, c, matrixFinal, particleFinal, t, scenario, sm, sp, comparisons);
    }

    static Comparison twoSample(String name, double t, double[] a, double[] b) {
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.twoSample(a, b);
        double nEff = (double) a.length * b.length / (a.length + b.length);
        double threshold = KolmogorovSmirnov.CRITICAL_1E4 / Math.sqrt(nEff);
        Map<String, Double> details = new LinkedHashMap<>();
        details.put("n_matrix", (double) a.length);
        details.put("n_particles", (double) b.length);
        details.put("p_value", r.pValue());
        return new Comparison(name, "two-sample KS distance", t, r.distance(), threshold, r.distance() <= threshold,
                KolmogorovSmirnov.CRITICAL_1E4 + "/√(nm/(n + m)) (two-sample KS at level 1e-4); members independent", details,
                Power.ofKsThreshold(threshold));
    }

    /** Spacing of each pair in each member over that pair's mean spacing across members, pooled. */
    static double[] spacings(List<double[]> finals, int[] pairs) {
        double[] out = new double[finals.size() * pairs.length];
        int at = 0;
        for (int i : pairs) {
            double sum = 0;
            for (double[] x : finals) sum += x[i + 1] - x[i];
            double mean = sum / finals.size();
            for (double[] x : finals) out[at++] = (x[i + 1] - x[i]) / mean;
        }
        return out;
    }

    public static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }

    public static double mean(double[] a) {
        return Arrays.stream(a).average().orElse(Double.NaN);
    }

    public static double variance(double[] a) {
        if (a.length < 2) return Double.NaN;
        double m = mean(a), s = 0;
        for (double v : a) s += (v - m) * (v - m);
        return s / (a.length - 1);
    }
}
