package org.dysonsim.scenarios.report.predictions;

import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Levels;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.exact.FreeConvolution;

/**
 * Dyson Brownian motion (zero drift, or one harmonic well shared by every level) read at large N
 * (docs/physics.md §3): each member's recorded initial spectrum, taken about the well's centre and
 * scaled by e^{−at}, freely convolved with a semicircle of variance τ = N g²(1 − e^{−2at})/(2a);
 * the prediction for the pooled levels is the average of these laws over the members (at most
 * {@link #MIXTURE_MEMBERS} of them, spread evenly: members' laws differ by O(1/N), so more would
 * not change the mixture visibly but would make each CDF evaluation cost more). It is a large-N
 * limit, so the KS threshold carries a finite-N allowance like the Marchenko–Pastur one.
 */
public final class FreeConvolutionPrediction implements Prediction {
    /**
     * KS allowance × N. The exact finite-N Dyson OU sampler (docs/physics.md §3) against this
     * prediction, N = 8 and 32 from Marchenko–Pastur starts, 40 000 pooled levels, gives KS
     * distances of 0.09/N and 0.16/N, sampling noise and the 64-member mixture included
     * (FreeConvolutionPredictionTest);
     * the allowance is 0.5/N, as for Marchenko–Pastur.
     */
    static final double FINITE_SIZE = 0.5;
    static final int MIXTURE_MEMBERS = 64;
    /** Grid of Biane's parametrisation per member: the CDF is interpolated to far below KS resolution. */
    static final int GRID = 2000;

    private final double centre, stiffness, g2;
    private final List<double[]> starts = new ArrayList<>();
    private final LastTime<FreeConvolution[]> byTime = new LastTime<>(this::lawsAt);

    public FreeConvolutionPrediction(double centre, double stiffness, double g2, RunStart run) {
        this.centre = centre;
        this.stiffness = stiffness;
        this.g2 = g2;
        int members = run.start().size(), used = Math.min(members, MIXTURE_MEMBERS);
        for (int k = 0; k < used; k++) {
            double[] x = run.start().levels(run.spec(), (int) ((long) k * members / used));
            for (int i = 0; i < x.length; i++) x[i] -= centre;
            starts.add(x);
        }
    }

    @Override
    public String name() {
        return stiffness == 0.0
                ? "free convolution with a semicircle (pure Dyson, g² = " + Decimals.of(g2) + ")"
                : "free convolution with a semicircle (Dyson OU, a = " + Decimals.of(stiffness) + ", centre "
                + Decimals.of(centre) + ", g² = " + Decimals.of(g2) + ")";
    }

    @Override
    public boolean appliesAt(double t) {
        return t > 0.0;
    }

    private FreeConvolution[] laws(double t) {
        return byTime.at(t);
    }

    private FreeConvolution[] lawsAt(double t) {
        FreeConvolution[] laws = new FreeConvolution[starts.size()];
        for (int m = 0; m < laws.length; m++) {
            double[] x0 = starts.get(m);
            double shrink = Math.exp(-stiffness * t);
            double[] atoms = new double[x0.length];
            for (int i = 0; i < atoms.length; i++) atoms[i] = shrink * x0[i];
            double perN = stiffness == 0.0 ? g2 * t : -g2 * Math.expm1(-2.0 * stiffness * t) / (2.0 * stiffness);
            laws[m] = new FreeConvolution(atoms, x0.length * perN, GRID);
        }
        return laws;
    }

    @Override
    public double density(double x, double t) {
        double s = 0.0;
        // drawn only (the verdicts use the CDF): the tabulated density, which costs no root finding per point
        for (FreeConvolution law : laws(t)) s += law.tabulatedDensity(x - centre);
        return s / starts.size();
    }

    @Override
    public double cdf(double x, double t) {
        double s = 0.0;
        for (FreeConvolution law : laws(t)) s += law.cdf(x - centre);
        return s / starts.size();
    }

    @Override
    public double finiteSizeAllowance(int n) {
        return FINITE_SIZE / n;
    }
}
