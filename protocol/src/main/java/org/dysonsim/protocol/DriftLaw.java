package org.dysonsim.protocol;

/**
 * A particle-level drift {@code K_i(x)} as plain data: which law, and its parameters laid out
 * flat (n modes). The loss actor publishes it; a block turns it into the physics drift it
 * evaluates, through the one factory that knows both sides ({@code org.dysonsim.actors.ParticleMessages}).
 *
 * @param kind       the law
 * @param parameters {@link Kind#ZERO}: none; {@link Kind#HARMONIC}: the n centres c_i, then the n
 *                   stiffnesses Ω_i; {@link Kind#RBM_SMOOTH}: the n values κ_i; {@link Kind#MEAN_FIELD}:
 *                   c, then the n targets λ*_i; {@link Kind#CONSTANT}: the n pushes v_i
 */
public record DriftLaw(Kind kind, double[] parameters) implements Wire {

    public enum Kind { ZERO, HARMONIC, RBM_SMOOTH, MEAN_FIELD, CONSTANT }

    public DriftLaw {
        if (kind == null || parameters == null) throw new IllegalArgumentException("a drift law needs a kind and parameters");
    }
}
