package org.dysonsim.actors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.dysonsim.physics.gas.CirExact;
import org.dysonsim.physics.gas.CirModel;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.GasStepper;
import org.dysonsim.physics.gas.NonFiniteStateException;
import org.dysonsim.physics.gas.ParticleModel;
import org.dysonsim.physics.gas.StepSizeRule;

/**
 * Advances the range {@code [from, to)} of a member's eigenvalues over many nominal steps with
 * no exchange: the plain stepper for a gas held whole, exact sampling for independent
 * square-root diffusions. Used by a block on the advance path and by a clock that simulates a
 * single-block member itself. Not thread-safe: one per actor.
 *
 * <p>Given an executor, a gas with a fixed step draws the Brownian increments of the next chunk
 * there while it steps through this one: about a fifth of a plain step at N = 64, moved to a
 * core that a lone member leaves idle (with none idle, the same work is done, once). The
 * increments are pure functions of (seed, member, mode, step), so where they are drawn changes
 * no bit.
 */
final class PlainAdvance {
    /** Where the state left the domain of the dynamics. */
    record Divergence(long step, String reason) {}

    private final ParticleModel model;
    private final StepSizeRule rule;
    private final double dt;
    private final long seed;
    private final int member, from, to;
    /** Where the next chunk's noise is drawn, or null: none drawn ahead. */
    private final Executor ahead;
    private GasStepper stepper;
    /** The noise being drawn for {@code [aheadFrom, aheadTo)}, or null. */
    private Draw drawing;
    private long aheadFrom, aheadTo;
    /** A consumed noise buffer to draw into again. */
    private double[] spare;

    /**
     * One chunk's noise drawn on the executor, unless the stepping claims it first: a draw that
     * has not started when its chunk is due is done in place, one already running is waited for
     * (it is the same work), so no increment is ever drawn twice, even when no core is idle.
     */
    private static final class Draw implements Runnable {
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<double[]> result = new CompletableFuture<>();
        private final Supplier<double[]> work;

        Draw(Supplier<double[]> work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) return;
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        /** The noise: drawn here if the executor has not begun it. */
        double[] take() {
            return claimed.compareAndSet(false, true) ? work.get() : result.join();
        }

        /** Not needed after all: not drawn if not begun. */
        void drop() {
            claimed.set(true);
        }
    }

    PlainAdvance(ParticleModel model, StepSizeRule rule, double dt, long seed, int member, int from, int to) {
        this(model, rule, dt, seed, member, from, to, null);
    }

    PlainAdvance(ParticleModel model, StepSizeRule rule, double dt, long seed, int member, int from, int to,
                 Executor ahead) {
        this.model = model;
        this.rule = rule;
        this.dt = dt;
        this.seed = seed;
        this.member = member;
        this.from = from;
        this.to = to;
        // Only a fixed step's level is known before the positions it starts from.
        this.ahead = model instanceof GasModel && !rule.adaptive() ? ahead : null;
    }

    /** Advances {@code x} in place over nominal steps {@code [fromStep, toStep)}; null, or where it diverged. */
    Divergence run(double[] x, long fromStep, long toStep) {
        return run(x, fromStep, toStep, toStep);
    }

    /**
     * As {@link #run(double[], long, long)}; {@code followingTo}: the end of the chunk that comes
     * next (from {@code toStep}), whose noise is drawn meanwhile when there is an executor.
     */
    Divergence run(double[] x, long fromStep, long toStep, long followingTo) {
        if (ahead != null) return runWithNoiseAhead(x, fromStep, toStep, followingTo);
        long k = fromStep;
        try {
            for (; k < toStep; k++) {
                if (model instanceof CirModel cir) {
                    CirExact.advance(cir, x, k, dt, seed, member, from, to);
                } else {
                    if (stepper == null) stepper = new GasStepper((GasModel) model, rule, seed, member);
                    stepper.advance(x, k, dt);
                }
                Divergence divergence = nonFinite(x, k);
                if (divergence != null) return divergence;
            }
        } catch (NonFiniteStateException e) {
            return new Divergence(k, e.getMessage());
        }
        return null;
    }

    private Divergence runWithNoiseAhead(double[] x, long fromStep, long toStep, long followingTo) {
        GasModel gas = (GasModel) model;
        if (stepper == null) stepper = new GasStepper(gas, rule, seed, member);
        int n = gas.n();
        int level = rule.finestLevel();
        int perStep = (1 << level) * n;
        double[] noise = null;
        if (drawing != null) {
            if (aheadFrom == fromStep && aheadTo == toStep) noise = drawing.take();
            else drawing.drop();
            drawing = null;
        }
        if (noise == null) noise = draw(fromStep, toStep, level, perStep, spare);
        if (followingTo > toStep) {
            double[] buffer = spare != noise ? spare : null;
            spare = null;
            aheadFrom = toStep;
            aheadTo = followingTo;
            drawing = new Draw(() -> draw(toStep, followingTo, level, perStep, buffer));
            ahead.execute(drawing);
        }
        long k = fromStep;
        try {
            for (; k < toStep; k++) {
                stepper.advanceWithNoise(x, dt, level, noise, (int) (k - fromStep) * perStep);
                Divergence divergence = nonFinite(x, k);
                if (divergence != null) return divergence;
            }
        } catch (NonFiniteStateException e) {
            return new Divergence(k, e.getMessage());
        }
        spare = noise;
        return null;
    }

    private double[] draw(long fromStep, long toStep, int level, int perStep, double[] buffer) {
        int size = (int) (toStep - fromStep) * perStep;
        double[] out = buffer != null && buffer.length >= size ? buffer : new double[size];
        GasStepper.noise(seed, member, ((GasModel) model).n(), fromStep, toStep, level, dt, out);
        return out;
    }

    private Divergence nonFinite(double[] x, long k) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(x[i])) return new Divergence(k, "eigenvalue " + i + " became " + x[i]);
        }
        return null;
    }
}
