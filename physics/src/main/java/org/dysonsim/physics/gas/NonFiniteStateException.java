package org.dysonsim.physics.gas;

/** The state left the domain of the dynamics (a NaN, an infinity, an unresolvable collision): the run must stop. */
public final class NonFiniteStateException extends RuntimeException {
    public NonFiniteStateException(String message) {
        super(message);
    }
}
