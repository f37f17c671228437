package org.dysonsim.scenarios.report.predictions;

import java.util.Optional;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;

/**
 * A β = 1 gas whose levels come in degenerate pairs: levels 2j and 2j + 1 share a harmonic well
 * (centre c_j, stiffness Ω_j, noise g_j², Coulomb strength g_j²), centres strictly increasing from
 * pair to pair. Each pair is then (up to the weak pull of the other pairs) two levels in one well
 * (docs/physics.md §3) of width {@code σ_j² = g_j²/Ω_j}.
 *
 * @param late the first time from which the pairs are taken as stationary
 */
public record HarmonicPairs(double[] centre, double[] sigma2, double late) {
    /**
     * Relaxation times 1/Ω before the stationary laws apply: the pair's centre of mass forgets
     * its start like e^{−Ωt} (in units of σ), its spread like e^{−2Ωt}; after 5 + ln(offset/σ)
     * of them the remaining offset is below e^{−5} σ ≈ 0.007 σ, far under the KS resolution.
     */
    static final double RELAXATION_TIMES = 5.0;

    public int pairs() {
        return centre.length;
    }

    public static Optional<HarmonicPairs> of(RunStart run) {
        RunSpec spec = run.spec();
        if (!(spec.model() instanceof GasModel gas) || spec.coordinates() != RunSpec.Coordinates.EIGENVALUES) return Optional.empty();
        if (!(gas.drift() instanceof Drift.Harmonic h) || gas.hasMirror() || gas.lower().present() || gas.upper().present()) {
            return Optional.empty();
        }
        int n = gas.n();
        if (n % 2 != 0) return Optional.empty();
        for (int i = 0; i < n; i++) if (gas.coulomb()[i] != gas.noise()[i]) return Optional.empty();
        int pairs = n / 2;
        double[] centre = new double[pairs], sigma2 = new double[pairs];
        double slowest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < pairs; j++) {
            int a = 2 * j, b = a + 1;
            if (h.centre()[a] != h.centre()[b] || h.stiffness()[a] != h.stiffness()[b] || gas.noise()[a] != gas.noise()[b]
                    || !(h.stiffness()[a] > 0.0)) {
                return Optional.empty();
            }
            if (j > 0 && !(h.centre()[a] > centre[j - 1])) return Optional.empty();
            centre[j] = h.centre()[a];
            sigma2[j] = gas.noise()[a] / h.stiffness()[a];
            slowest = Math.min(slowest, h.stiffness()[a]);
        }
        double offset = 1.0;
        for (double[] x : run.start().positions()) {
            for (int i = 0; i < n; i++) offset = Math.max(offset, Math.abs(x[i] - centre[i / 2]) / Math.sqrt(sigma2[i / 2]));
        }
        return Optional.of(new HarmonicPairs(centre, sigma2, (RELAXATION_TIMES + Math.log(offset)) / slowest));
    }

    /**
     * One level of every pair of every member, in units of σ_j about c_j: the lower level when
     * member + pair is even, else the upper. Members are independent and the weak coupling
     * between pairs is neglected, so these are independent; lower and upper levels alternate
     * so that their mixture is the one-level density ρ.
     */
    public double[] oneLevelPerPair(RecordSlice slice) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int m = 0; m < slice.size(); m++) {
            double[] x = slice.positions()[m];
            for (int j = 0; j < pairs(); j++) {
                int i = 2 * j + ((slice.member()[m] + j) % 2);
                out.add((x[i] - centre[j]) / Math.sqrt(sigma2[j]));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The spacing of pair j in every member at record k, divided by its exact mean √π σ_j (docs/physics.md §3). */
    public double[] normalisedSpacings(RecordSlice slice, int j) {
        return java.util.Arrays.stream(slice.positions())
                .mapToDouble(x -> (x[2 * j + 1] - x[2 * j]) / Math.sqrt(Math.PI * sigma2[j]))
                .toArray();
    }
}
