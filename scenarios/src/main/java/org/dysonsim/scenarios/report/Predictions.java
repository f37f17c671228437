package org.dysonsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.laws.GammaLaw;
import org.dysonsim.physics.laws.MarchenkoPastur;

/** The theoretical laws that apply to a run; each is compared at every recorded time it applies to. */
public final class Predictions {
    /**
     * The mean CDF of the eigenvalues of a finite M×N Wishart matrix differs from the
     * Marchenko–Pastur limit by a KS distance of about 0.2/N (measured with 40 000 pooled levels,
     * N = 4..100, M/N = 1 and 2); the allowance is twice that.
     */
    static final double MP_FINITE_SIZE = 0.5;
    /**
     * The square-root diffusion forgets its start like e^{−β₁t}: after 10/β₁ the remaining
     * difference from the stationary law (≲ e^{−10} ≈ 5e-5 in the CDF) is far below any KS threshold.
     */
    static final double CIR_RELAXATION_TIMES = 10.0;

    private Predictions() {}

    public static List<Prediction> forRun(RunSpec spec) {
        List<Prediction> out = new ArrayList<>();
        if (spec.init() instanceof InitialSpectrum.MarchenkoPastur mp) {
            out.add(new LawPrediction("Marchenko–Pastur (M = " + mp.rows() + ", N = " + mp.cols() + ", σ² = " + mp.sigma2() + ")",
                    MarchenkoPastur.ofGram(mp.rows(), mp.cols(), mp.sigma2()), 0.0, 0.0, MP_FINITE_SIZE));
        }
        if (spec.model() instanceof CirModel cir && cir.beta1() > 0 && cir.alpha0() > 0) {
            // modes and members are independent, so the pooled levels are iid: no finite-N allowance
            GammaLaw law = GammaLaw.squareRootStationary(cir.alpha0(), cir.beta1(), cir.etaD());
            out.add(new LawPrediction(String.format("stationary gamma law (shape %.4g, scale %.4g)", law.shape(), law.scale()),
                    law, CIR_RELAXATION_TIMES / cir.beta1(), Double.POSITIVE_INFINITY, 0.0));
        }
        return out;
    }
}
