package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.GoeEdge;
import org.dysonsim.physics.laws.TracyWidom;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.SpectralComparison;
import org.dysonsim.scenarios.report.predictions.Predictions;

/**
 * The largest eigenvalue at the edge (docs/physics.md §3): a GOE start moved by a plain Dyson gas
 * with no drift or one harmonic well is a shifted GOE at every time ({@link GoeEdge#afterDysonOu}),
 * so each member's largest eigenvalue, scaled by the N^(−2/3) edge scaling, is a draw of
 * Tracy–Widom F₁. Compared at t = 0 and at the last record: one value per member, n_eff =
 * members, KS at level 1e-4 without allowance (the N − ½ centring leaves a finite-N shift far
 * below the threshold from N ≥ {@link #MIN_N}).
 */
public final class TracyWidomEdge implements RunCheck {
    /** Below this the finite-N law of λ_max is too far from F₁ to hold it to an unbiased KS test. */
    static final int MIN_N = 32;
    private static final TracyWidom F1 = new TracyWidom(1);

    public List<Comparison> compare(EnsembleSummary run, RecordSlice last) {
        RunSpec spec = run.spec();
        if (!applies(run)) return List.of();
        InitialSpectrum.Goe goe = (InitialSpectrum.Goe) spec.init();
        Well well = well(spec).orElseThrow();
        double[] times = run.stats().times();
        List<Comparison> out = new ArrayList<>();
        out.add(at(spec, goe, well, run.start(), 0.0));
        if (last != null && times.length > 1) out.add(at(spec, goe, well, last, times[times.length - 1]));
        return out;
    }

    /** Whether the check applies: a GOE start of at least {@link #MIN_N} levels and two members, in a plain gas with no drift or one well. */
    public static boolean applies(EnsembleSummary run) {
        RunSpec spec = run.spec();
        return spec.init() instanceof InitialSpectrum.Goe && spec.n() >= MIN_N && spec.members() >= 2 && run.succeeded()
                && well(spec).isPresent();
    }

    /**
     * The GOE edge law at time t of a run's spectrum, from its settings alone: present for a GOE start
     * of at least {@link #MIN_N} levels in a plain gas with no drift or one well (the runs
     * {@link #applies} to, whatever their members), empty otherwise.
     */
    public static Optional<GoeEdge> lawAt(RunSpec spec, double t) {
        if (!(spec.init() instanceof InitialSpectrum.Goe goe) || spec.n() < MIN_N) return Optional.empty();
        return well(spec).map(w -> edge(spec, goe, w, t));
    }

    /** Each member's largest eigenvalue in {@code slice}, at time t, on the Tracy–Widom scale (only where {@link #applies}). */
    public static double[] scaled(EnsembleSummary run, RecordSlice slice, double t) {
        RunSpec spec = run.spec();
        InitialSpectrum.Goe goe = (InitialSpectrum.Goe) spec.init();
        return scaled(spec, edge(spec, goe, well(spec).orElseThrow(), t), slice);
    }

    private static GoeEdge edge(RunSpec spec, InitialSpectrum.Goe goe, Well well, double t) {
        return GoeEdge.afterDysonOu(spec.n(), goe.sigma2(), well.a(), well.centre(), well.g2(), t);
    }

    private static double[] scaled(RunSpec spec, GoeEdge edge, RecordSlice slice) {
        double[] chi = new double[slice.size()];
        for (int j = 0; j < chi.length; j++) {
            double[] x = slice.levels(spec, j);
            chi[j] = edge.scaled(x[x.length - 1]);
        }
        return chi;
    }

    /** No drift (a = 0) or one harmonic well shared by every level, of a plain Dyson gas. */
    private record Well(double a, double centre, double g2) {}

    private static Optional<Well> well(RunSpec spec) {
        Optional<GasModel> plain = Predictions.plainDyson(spec);
        if (plain.isEmpty()) return Optional.empty();
        GasModel gas = plain.get();
        double g2 = gas.noise()[0];
        if (gas.drift() instanceof Drift.Zero) return Optional.of(new Well(0.0, 0.0, g2));
        if (!(gas.drift() instanceof Drift.Harmonic h)) return Optional.empty();
        for (int i = 0; i < gas.n(); i++) {
            if (h.centre()[i] != h.centre()[0] || h.stiffness()[i] != h.stiffness()[0]) return Optional.empty();
        }
        return Optional.of(new Well(h.stiffness()[0], h.centre()[0], g2));
    }

    private static Comparison at(RunSpec spec, InitialSpectrum.Goe goe, Well well, RecordSlice slice, double t) {
        GoeEdge edge = edge(spec, goe, well, t);
        double[] chi = scaled(spec, edge, slice);
        double sum = 0, sumSq = 0;
        for (double c : chi) {
            sum += c;
            sumSq += c * c;
        }
        Comparison ks = SpectralComparison.ks("largest eigenvalue against Tracy–Widom F₁ (GOE edge, N^(−2/3) scaling)", t, chi, F1, 0.0,
                "one largest eigenvalue per member, χ = (λ_max − " + Decimals.of(edge.centre()) + ")/" + Decimals.of(edge.scale())
                        + " = (λ_max − c_t − 2√(v_t(N − ½)))/(√v_t N^(−1/6)) with v_t = " + Decimals.of(edge.variance())
                        + " the GOE variance at t; n_eff = " + chi.length + " independent members");
        Map<String, Double> details = new LinkedHashMap<>(ks.details());
        double mean = sum / chi.length;
        details.put("edge_centre", edge.centre());
        details.put("edge_scale", edge.scale());
        details.put("chi_mean", mean);
        details.put("chi_variance", chi.length > 1 ? (sumSq - sum * mean) / (chi.length - 1) : Double.NaN);
        return new Comparison(ks.name(), ks.statistic(), t, ks.value(), ks.threshold(), ks.pass(), ks.rule(), details, ks.power());
    }
}
