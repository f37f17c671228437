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

    /** Above this many levels the mixture takes fewer members and each law a finer grid ({@link #grid}). */
    static final int LARGE_N = 1024;

    private final double centre, stiffness, g2;
    private final List<double[]> starts = new ArrayList<>();
    private final LastTime<FreeConvolution[]> byTime = new LastTime<>(this::lawsAt);

    public FreeConvolutionPrediction(double centre, double stiffness, double g2, RunStart run) {
        this.centre = centre;
        this.stiffness = stiffness;
        this.g2 = g2;
        int members = run.start().size(), used = Math.min(members, mixtureMembers(run.spec().n()));
        for (int k = 0; k < used; k++) {
            double[] x = run.start().levels(run.spec(), (int) ((long) k * members / used));
            for (int i = 0; i < x.length; i++) x[i] -= centre;
            starts.add(x);
        }
    }

    /**
     * Members in the mixture: {@link #MIXTURE_MEMBERS}, above {@link #LARGE_N} levels that many
     * times LARGE_N/n (at least 4): their laws differ by O(1/n) in the CDF, far below the KS
     * resolution of n pooled levels per member, and each law costs O(n · grid).
     */
    static int mixtureMembers(int n) {
        return n <= LARGE_N ? MIXTURE_MEMBERS : Math.max(4, MIXTURE_MEMBERS * LARGE_N / n);
    }

    /**
     * Points of Biane's u-grid per law: {@link #GRID}, above {@link #LARGE_N} levels 2n, so that the
     * u-step stays below the spacing of the atoms. The CDF is exact at each point and linear in x
     * between them, so a cell misses at most the CDF's increment across it: about 1/(2n) here, far
     * below the KS threshold of n pooled levels per member.
     */
    static int grid(int n) {
        return n <= LARGE_N ? GRID : Math.max(GRID, 2 * n);
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
        // each member's law on its own: built in parallel, the same laws on any number of threads
        java.util.stream.IntStream.range(0, laws.length).parallel().forEach(m -> laws[m] =
                FreeConvolution.dysonOrnsteinUhlenbeck(starts.get(m), stiffness, g2, t, grid(starts.get(m).length)));
        return laws;
    }

    /** Exact, from each member's law's own ({@link FreeConvolution#dysonOrnsteinUhlenbeckMoments}): no law is built. */
    @Override
    public java.util.Optional<double[]> moments(double t) {
        double first = 0, second = 0;
        for (double[] x0 : starts) {
            double[] member = FreeConvolution.dysonOrnsteinUhlenbeckMoments(x0, stiffness, g2, t);
            double memberMean = centre + member[0];
            first += memberMean;
            second += member[1] + memberMean * memberMean;
        }
        double mean = first / starts.size();
        return java.util.Optional.of(new double[] {mean, second / starts.size() - mean * mean});
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
