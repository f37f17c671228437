package org.dysonsim.actors;

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
 */
final class PlainAdvance {
    /** Where the state left the domain of the dynamics. */
    record Divergence(long step, String reason) {}

    private final ParticleModel model;
    private final StepSizeRule rule;
    private final double dt;
    private final long seed;
    private final int member, from, to;
    private GasStepper stepper;

    PlainAdvance(ParticleModel model, StepSizeRule rule, double dt, long seed, int member, int from, int to) {
        this.model = model;
        this.rule = rule;
        this.dt = dt;
        this.seed = seed;
        this.member = member;
        this.from = from;
        this.to = to;
    }

    /** Advances {@code x} in place over nominal steps {@code [fromStep, toStep)}; null, or where it diverged. */
    Divergence run(double[] x, long fromStep, long toStep) {
        long k = fromStep;
        try {
            for (; k < toStep; k++) {
                if (model instanceof CirModel cir) {
                    CirExact.advance(cir, x, k, dt, seed, member, from, to);
                } else {
                    if (stepper == null) stepper = new GasStepper((GasModel) model, rule, seed, member);
                    stepper.advance(x, k, dt);
                }
                for (int i = from; i < to; i++) {
                    if (!Double.isFinite(x[i])) return new Divergence(k, "eigenvalue " + i + " became " + x[i]);
                }
            }
        } catch (NonFiniteStateException e) {
            return new Divergence(k, e.getMessage());
        }
        return null;
    }
}
