package org.dysonsim.physics.gas;

/**
 * One nominal step of a {@link GasStepper} that is redone from the same state, on the same
 * Brownian path cut into finer sub-steps (BrownianBridge keeps the noise), when it fails: near a
 * reflecting wall a step can carry a small level past its neighbour. For analyses that simulate a
 * gas from recorded states they do not control (a forecast, a particle companion); the engine
 * itself reports such a failure instead.
 */
public final class RefiningStep {
    /** Levels added to the rule's level, one after the other, before giving up. */
    static final int[] REFINEMENTS = {2, 4, 8};

    private RefiningStep() {}

    /**
     * Nominal steps {@code from} to {@code to − 1} (the noise of each keyed by its own step), each
     * refined where it fails.
     *
     * @throws NonFiniteStateException when the finest refinement of a step fails too
     */
    public static void advance(GasStepper stepper, GasModel model, StepSizeRule rule, double[] x, long from, long to, double dt) {
        for (long step = from; step < to; step++) advance(stepper, model, rule, x, step, dt);
    }

    /** @throws NonFiniteStateException when the finest refinement fails too */
    public static void advance(GasStepper stepper, GasModel model, StepSizeRule rule, double[] x, long step, double dt) {
        double[] before = x.clone();
        int level = rule.level(model, x, dt);
        try {
            stepper.advanceAtLevel(x, step, dt, level);
        } catch (NonFiniteStateException e) {
            for (int extra : REFINEMENTS) {
                System.arraycopy(before, 0, x, 0, x.length);
                try {
                    stepper.advanceAtLevel(x, step, dt, Math.min(30, level + extra));
                    return;
                } catch (NonFiniteStateException again) {
                    // finer still
                }
            }
            throw e;
        }
    }
}
