package org.dysonsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.MarchenkoPastur;

/** The theoretical laws that apply to a run; each is compared at every recorded time it applies to. */
public final class Predictions {
    /**
     * The mean CDF of the eigenvalues of a finite M×N Wishart matrix differs from the
     * Marchenko–Pastur limit by a KS distance of about 0.2/N (measured with 40 000 pooled levels,
     * N = 4..100, M/N = 1 and 2); the allowance is twice that.
     */
    static final double MP_FINITE_SIZE = 0.5;

    private Predictions() {}

    public static List<Prediction> forRun(RunSpec spec) {
        List<Prediction> out = new ArrayList<>();
        if (spec.init() instanceof InitialSpectrum.MarchenkoPastur mp) {
            out.add(new LawPrediction("Marchenko–Pastur (M = " + mp.rows() + ", N = " + mp.cols() + ", σ² = " + mp.sigma2() + ")",
                    MarchenkoPastur.ofGram(mp.rows(), mp.cols(), mp.sigma2()), 0.0, 0.0, MP_FINITE_SIZE));
        }
        return out;
    }
}
