package org.dysonsim.physics.gas;

/**
 * The nearest-neighbour-implicit integrator as a plain single-threaded loop (docs/physics.md §2).
 * It is the reference that the actor engine reproduces bit for bit, and the baseline of the
 * speed benchmark. Not thread-safe: one stepper per system.
 */
public final class GasStepper {
    private final GasModel model;
    private final StepSizeRule rule;
    private final long seed;
    private final long member;
    private final int n, firstMode;
    private final FarField farField;
    private final NearestNeighbourImplicit implicit;
    private final double[] far, mirror, z, dW;
    private double[][] increments = new double[0][];

    public GasStepper(GasModel model, StepSizeRule rule, long seed, long member) {
        this(model, rule, seed, member, 0);
    }

    /**
     * A stepper whose mode {@code i} draws the Brownian path of mode {@code firstMode + i}: the top
     * modes of a larger system moved alone keep the noise they have in the whole system.
     */
    public GasStepper(GasModel model, StepSizeRule rule, long seed, long member, int firstMode) {
        this.firstMode = firstMode;
        this.model = model;
        this.rule = rule;
        this.seed = seed;
        this.member = member;
        this.n = model.n();
        this.farField = new FarField(n, model.hasMirror());
        this.implicit = new NearestNeighbourImplicit(n);
        this.far = new double[n];
        this.mirror = model.hasMirror() ? new double[n] : null;
        this.z = new double[n];
        this.dW = new double[n];
    }

    /** Advances {@code x} in place over nominal step {@code step} of length {@code dt}; returns the level used. */
    public int advance(double[] x, long step, double dt) {
        int level = rule.level(model, x, dt);
        advanceAtLevel(x, step, dt, level);
        return level;
    }

    /** Advances over nominal step {@code step} cut into {@code 2^level} sub-steps. */
    public void advanceAtLevel(double[] x, long step, double dt, int level) {
        int subs = 1 << level;
        if (increments.length != n || increments[0].length < subs) increments = new double[n][subs];
        for (int i = 0; i < n; i++) BrownianBridge.increments(seed, member, firstMode + i, step, level, dt, increments[i]);
        double h = dt / subs;
        for (int s = 0; s < subs; s++) {
            for (int i = 0; i < n; i++) dW[i] = increments[i][s];
            subStep(x, h);
        }
    }

    /**
     * The Brownian increments of nominal steps {@code [fromStep, toStep)} at {@code level}, as
     * {@link #advanceAtLevel} draws them, into {@code out}: sub-step {@code s} of step {@code k}
     * for mode {@code i} at {@code ((k − fromStep)·2^level + s)·n + i}. A pure function of its
     * arguments, so it may run ahead of the stepping on another thread.
     */
    public static void noise(long seed, long member, int n, long fromStep, long toStep, int level, double dt,
                             double[] out) {
        int subs = 1 << level;
        double[] one = new double[subs];
        for (long k = fromStep; k < toStep; k++) {
            int base = (int) (k - fromStep) * subs * n;
            for (int i = 0; i < n; i++) {
                BrownianBridge.increments(seed, member, i, k, level, dt, one);
                for (int s = 0; s < subs; s++) out[base + s * n + i] = one[s];
            }
        }
    }

    /**
     * Advances over one nominal step cut into {@code 2^level} sub-steps with its increments
     * given, laid out as {@link #noise} writes them from {@code offset}: the same numbers as
     * {@link #advanceAtLevel}, so the same bits.
     */
    public void advanceWithNoise(double[] x, double dt, int level, double[] noise, int offset) {
        int subs = 1 << level;
        double h = dt / subs;
        for (int s = 0; s < subs; s++) {
            System.arraycopy(noise, offset + s * n, dW, 0, n);
            subStep(x, h);
        }
    }

    private void subStep(double[] x, double h) {
        farField.sums(x, far, mirror);
        ExplicitPredictor.predict(model, x, far, mirror, dW, h, 0, n, z);
        implicit.solve(model, z, h, x);
    }
}
