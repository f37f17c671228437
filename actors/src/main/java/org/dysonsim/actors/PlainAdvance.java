package org.dysonsim.actors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 * core that a lone member leaves idle. The increments are pure functions of (seed, member, mode,
 * step), so where they are drawn changes no bit.
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
    private CompletableFuture<double[]> drawing;
    private long aheadFrom, aheadTo;
    /** A consumed noise buffer to draw into again (never one a cancelled draw may still write). */
    private double[] spare;

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
            if (aheadFrom == fromStep && aheadTo == toStep && drawing.isDone()) noise = drawing.join();
            // Behind (its thread was busy) or for other steps: drawn here instead, never waited for.
            else drawing.cancel(false);
            drawing = null;
        }
        if (noise == null) noise = draw(fromStep, toStep, level, perStep, null);
        if (followingTo > toStep) {
            double[] buffer = spare;
            spare = null;
            aheadFrom = toStep;
            aheadTo = followingTo;
            drawing = CompletableFuture.supplyAsync(() -> draw(toStep, followingTo, level, perStep, buffer), ahead);
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
