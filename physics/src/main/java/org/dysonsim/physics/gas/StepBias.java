package org.dysonsim.physics.gas;

/**
 * Error control for the step size (docs/physics.md §2): the same member run at the chosen step
 * {@code h} and at {@code h/2}, both driven by the same Brownian path (the bridge refinement of
 * {@link BrownianBridge}); their difference estimates the bias of the coarse run.
 */
public final class StepBias {
    private StepBias() {}

    /**
     * The final positions of one member at {@code h} and at {@code h/2}.
     *
     * @return {@code [coarse, fine]}, each of length n
     */
    public static double[][] pair(GasModel model, StepSizeRule rule, double[] x0, long seed, long member, double dt,
                                  long steps) {
        double[] coarse = x0.clone();
        double[] fine = x0.clone();
        GasStepper coarseStepper = new GasStepper(model, rule, seed, member);
        GasStepper fineStepper = new GasStepper(model, rule, seed, member);
        for (long s = 0; s < steps; s++) {
            // The fine run refines whatever level the coarse run chose from the same state rule.
            int level = rule.level(model, coarse, dt);
            coarseStepper.advanceAtLevel(coarse, s, dt, level);
            fineStepper.advanceAtLevel(fine, s, dt, level + 1);
        }
        return new double[][] {coarse, fine};
    }

    /**
     * The estimated bias of each level's ensemble mean: the mean over {@code members} of
     * {@code x_h − x_{h/2}} at the end of the run.
     */
    public static double[] ofMeans(GasModel model, StepSizeRule rule, double[][] starts, long seed, double dt,
                                   long steps) {
        int n = model.n();
        double[] bias = new double[n];
        for (int m = 0; m < starts.length; m++) {
            double[][] p = pair(model, rule, starts[m], seed, m, dt, steps);
            for (int i = 0; i < n; i++) bias[i] += (p[0][i] - p[1][i]) / starts.length;
        }
        return bias;
    }
}
