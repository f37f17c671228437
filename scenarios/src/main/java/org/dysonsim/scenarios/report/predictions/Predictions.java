package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.Decimals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.fokkerplanck.CellGrid;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.GammaLaw;
import org.dysonsim.physics.laws.MarchenkoPastur;
import org.dysonsim.physics.laws.Potential;
import org.dysonsim.physics.laws.Semicircle;

/**
 * The theoretical laws a run is compared with, by name. Each name builds its prediction from the
 * run (its model and recorded starts) or says it does not apply; without names a report uses
 * every name that applies ({@link #forRun(RunStart)}). Each prediction is compared at every
 * recorded time it applies to.
 */
public final class Predictions {
    /**
     * The mean CDF of the eigenvalues of a finite M×N Wishart matrix differs from the
     * Marchenko–Pastur limit by a KS distance of about 0.2/N (measured with 40 000 pooled levels,
     * N = 4..100, M/N = 1 and 2); the allowance is twice that.
     */
    public static final double MP_FINITE_SIZE = 0.5;
    /**
     * The mean CDF of a finite GOE spectrum differs from the semicircle by a KS distance of
     * 0.12/N to 0.31/N (measured with 4·10⁵ pooled levels of the β-Hermite sampler, N = 4..1024;
     * test {@code init/RandomTridiagonalsTest}); the allowance is 0.5/N, as for Marchenko–Pastur.
     */
    public static final double SEMICIRCLE_FINITE_SIZE = 0.5;
    /**
     * The square-root diffusion forgets its start like e^{−β₁t}: after 10/β₁ the remaining
     * difference from the stationary law (≲ e^{−10} ≈ 5e-5 in the CDF) is far below any KS threshold.
     */
    static final double CIR_RELAXATION_TIMES = 10.0;
    /** Half-width of the Fokker–Planck grid of a harmonic mode without walls, in σ = √(g²/Ω): e^{−144/2} of mass lies beyond. */
    static final double FP_WIDTH_SIGMAS = 12.0;

    /** Every prediction by its name (as --compare takes it), with what it is. */
    public static final Map<String, String> NAMES;
    private static final Map<String, Function<RunStart, Optional<Prediction>>> BUILDERS = new LinkedHashMap<>();

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("marchenko-pastur", "initial Marchenko–Pastur spectrum at t = 0 (init.kind = marchenko-pastur)");
        names.put("semicircle", "initial GOE spectrum against the Wigner semicircle at t = 0 (init.kind = goe)");
        names.put("cir-transition", "exact CIR transition law of every mode from its start, every t > 0 (model = cir)");
        names.put("gamma-stationary", "stationary gamma law after 10/β₁ (model = cir)");
        names.put("free-convolution", "free convolution of the initial spectrum with a semicircle, every t > 0"
                + " (coulomb, zero drift or one common harmonic well, n ≥ 3)");
        names.put("two-mode", "two-mode density ρ of degenerate harmonic pairs at late times (coulomb, pairs sharing a well)");
        names.put("wishart-mp", "time-dependent Marchenko–Pastur law of the matrix process W₀ + sB(t), every t > 0"
                + " (wishart, zero drift)");
        names.put("fokker-planck", "numerical Fokker–Planck solution of one mode, every t > 0 (coulomb, n = 1,"
                + " harmonic, mean-field or RBM drift)");
        NAMES = java.util.Collections.unmodifiableMap(names);
        BUILDERS.put("marchenko-pastur", Predictions::marchenkoPastur);
        BUILDERS.put("semicircle", Predictions::semicircle);
        BUILDERS.put("cir-transition", run -> run.spec().model() instanceof CirModel cir && cir.alpha0() > 0
                ? Optional.of(new CirTransitionPrediction(cir, run)) : Optional.empty());
        BUILDERS.put("gamma-stationary", Predictions::gammaStationary);
        BUILDERS.put("free-convolution", Predictions::freeConvolution);
        BUILDERS.put("two-mode", run -> run.spec().n() >= 2 ? HarmonicPairs.of(run).map(TwoModePrediction::new) : Optional.empty());
        BUILDERS.put("wishart-mp", Predictions::wishartMarchenkoPastur);
        BUILDERS.put("fokker-planck", Predictions::fokkerPlanck);
    }

    private Predictions() {}

    /** Every prediction that applies to the run (the default of a report). */
    public static List<Prediction> forRun(RunStart run) {
        List<Prediction> out = new ArrayList<>();
        for (var builder : BUILDERS.values()) builder.apply(run).ifPresent(out::add);
        return out;
    }

    /**
     * The named predictions, in the order given; an empty list means the default ({@link #forRun(RunStart)}).
     *
     * @throws IllegalArgumentException naming the prediction, if it is unknown or does not apply to this run
     */
    public static List<Prediction> forRun(RunStart run, List<String> names) {
        if (names.isEmpty()) return forRun(run);
        List<Prediction> out = new ArrayList<>();
        for (String name : names) {
            var builder = BUILDERS.get(name);
            if (builder == null) {
                throw new IllegalArgumentException("unknown prediction \"" + name + "\", expected one of " + String.join(", ", NAMES.keySet()));
            }
            out.add(builder.apply(run).orElseThrow(() -> new IllegalArgumentException(
                    "prediction \"" + name + "\" does not apply to this run: it needs " + NAMES.get(name))));
        }
        return out;
    }

    /** The named prediction, empty when it does not apply to this run (or the name is unknown). */
    public static Optional<Prediction> named(RunStart run, String name) {
        var builder = BUILDERS.get(name);
        return builder == null ? Optional.empty() : builder.apply(run);
    }

    private static Optional<Prediction> marchenkoPastur(RunStart run) {
        if (!(run.spec().init() instanceof InitialSpectrum.MarchenkoPastur mp)) return Optional.empty();
        return Optional.of(new LawPrediction("Marchenko–Pastur (M = " + mp.rows() + ", N = " + mp.cols() + ", σ² = "
                + Decimals.of(mp.sigma2()) + ")",
                MarchenkoPastur.ofGram(mp.rows(), mp.cols(), mp.sigma2()), 0.0, 0.0, MP_FINITE_SIZE));
    }

    private static Optional<Prediction> semicircle(RunStart run) {
        if (!(run.spec().init() instanceof InitialSpectrum.Goe goe)) return Optional.empty();
        return Optional.of(new LawPrediction("Wigner semicircle (GOE, N = " + goe.n() + ", σ² = " + Decimals.of(goe.sigma2())
                + ", radius 2σ√N)", new Semicircle(0.0, goe.n() * goe.sigma2()), 0.0, 0.0, SEMICIRCLE_FINITE_SIZE));
    }

    private static Optional<Prediction> gammaStationary(RunStart run) {
        if (!(run.spec().model() instanceof CirModel cir && cir.beta1() > 0 && cir.alpha0() > 0)) return Optional.empty();
        // modes and members are independent, so the pooled levels are iid: no finite-N allowance
        GammaLaw law = GammaLaw.squareRootStationary(cir.alpha0(), cir.beta1(), cir.etaD());
        return Optional.of(new LawPrediction("stationary gamma law (shape " + Decimals.of(law.shape()) + ", scale " + Decimals.of(law.scale()) + ")",
                law, CIR_RELAXATION_TIMES / cir.beta1(), Double.POSITIVE_INFINITY, 0.0));
    }

    /** A plain β = 1 gas in eigenvalue coordinates without walls or image charges, equal g² for all levels. */
    public static Optional<GasModel> plainDyson(RunSpec spec) {
        if (!(spec.model() instanceof GasModel gas) || spec.coordinates() != RunSpec.Coordinates.EIGENVALUES) return Optional.empty();
        if (gas.hasMirror() || gas.lower().present() || gas.upper().present()) return Optional.empty();
        for (int i = 0; i < gas.n(); i++) {
            if (gas.noise()[i] != gas.noise()[0] || gas.coulomb()[i] != gas.noise()[i]) return Optional.empty();
        }
        return Optional.of(gas);
    }

    private static Optional<Prediction> freeConvolution(RunStart run) {
        if (run.spec().n() < 3) return Optional.empty();
        Optional<GasModel> found = plainDyson(run.spec());
        if (found.isEmpty()) return Optional.empty();
        GasModel gas = found.get();
        double g2 = gas.noise()[0];
        if (gas.drift() instanceof Drift.Zero) return Optional.of(new FreeConvolutionPrediction(0.0, 0.0, g2, run));
        if (gas.drift() instanceof Drift.Harmonic h) {
            for (int i = 0; i < gas.n(); i++) {
                if (h.centre()[i] != h.centre()[0] || h.stiffness()[i] != h.stiffness()[0]) return Optional.empty();
            }
            return Optional.of(new FreeConvolutionPrediction(h.centre()[0], h.stiffness()[0], g2, run));
        }
        return Optional.empty();
    }

    private static Optional<Prediction> wishartMarchenkoPastur(RunStart run) {
        RunSpec spec = run.spec();
        // m and ηD are not recoverable from the gas model alone (the convention changes its strengths): the mapping keeps them
        if (spec.coordinates() != RunSpec.Coordinates.SINGULAR_VALUES || !(spec.model() instanceof GasModel gas)
                || !(gas.drift() instanceof Drift.Zero) || !(spec.mapping() instanceof RunSpec.Mapping.Wishart wishart)) {
            return Optional.empty();
        }
        return Optional.of(new WishartMarchenkoPastur(wishart.m(), wishart.etaD(), run));
    }

    private static Optional<Prediction> fokkerPlanck(RunStart run) {
        RunSpec spec = run.spec();
        if (spec.n() != 1 || !(spec.model() instanceof GasModel gas) || spec.coordinates() != RunSpec.Coordinates.EIGENVALUES
                || gas.hasMirror()) {
            return Optional.empty();
        }
        double g2 = gas.noise()[0];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] x : run.start().positions()) {
            lo = Math.min(lo, x[0]);
            hi = Math.max(hi, x[0]);
        }
        if (gas.drift() instanceof Drift.RbmSmooth rbm) {
            // the RBM drift's singular part is the upper barrier at μ² of coefficient μ² (Drift.RbmSmooth)
            Wall upper = gas.upper();
            if (upper.kind() != Wall.Kind.BARRIER || upper.coefficient() != upper.position()) return Optional.empty();
            if (gas.lower().present() && !(gas.lower().kind() == Wall.Kind.REFLECT && gas.lower().position() == 0.0)) {
                return Optional.empty();
            }
            double mu2 = upper.position();
            return Optional.of(new FokkerPlanckPrediction("RBM, μ² = " + Decimals.of(mu2) + ", κ = " + Decimals.of(rbm.kappa()[0])
                    + ", g² = " + Decimals.of(g2) + ", walls at 0 and μ²", new Potential.Rbm(mu2, rbm.kappa()[0]), g2,
                    new CellGrid(0.0, mu2, FokkerPlanckPrediction.CELLS), run));
        }
        double omega, centre;
        String kind;
        if (gas.drift() instanceof Drift.Harmonic h) {
            omega = h.stiffness()[0];
            centre = h.centre()[0];
            kind = "harmonic";
        } else if (gas.drift() instanceof Drift.MeanField mf) {
            omega = mf.c();
            centre = mf.target()[0];
            kind = "mean field";
        } else {
            return Optional.empty();
        }
        if (!(omega > 0.0) || gas.upper().present()) return Optional.empty();
        double width = FP_WIDTH_SIGMAS * Math.sqrt(g2 / omega);
        double gridLo = Math.min(lo, centre) - width;
        if (gas.lower().present()) {
            if (gas.lower().kind() != Wall.Kind.REFLECT || gas.lower().position() > lo) return Optional.empty();
            gridLo = gas.lower().position();
        }
        double gridHi = Math.max(hi, centre) + width;
        return Optional.of(new FokkerPlanckPrediction(kind + ", Ω = " + Decimals.of(omega) + ", centre " + Decimals.of(centre) + ", g² = " + Decimals.of(g2),
                new Potential.Harmonic(omega, centre), g2, new CellGrid(gridLo, gridHi, FokkerPlanckPrediction.CELLS), run));
    }
}
