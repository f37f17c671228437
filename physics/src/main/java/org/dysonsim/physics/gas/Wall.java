package org.dysonsim.physics.gas;

/**
 * A boundary of the gas. {@code BARRIER} adds the force {@code ±coefficient/(x − position)}
 * pointing away from the wall, integrated by the trapezoidal rule: half of it at the start of a
 * sub-step, explicitly ({@link ExplicitPredictor}), half at its end, implicitly
 * ({@link NearestNeighbourImplicit}), so it is never crossed (docs/physics.md §2); {@code REFLECT}
 * is a zero-flux wall; {@code NONE} is no wall (position and coefficient ignored).
 */
public record Wall(Kind kind, double position, double coefficient) {
    public enum Kind { NONE, BARRIER, REFLECT }

    /**
     * The share of a barrier's force taken at the end of a sub-step. One half (the trapezoidal
     * rule) makes the stationary variance of a mode held by the barrier alone exact for a
     * linear force, where implicit Euler (share 1) leaves it low by a factor {@code 1/(1 + h|K'|/2)}.
     */
    public static final double IMPLICIT_SHARE = 0.5;

    public static final Wall NONE = new Wall(Kind.NONE, 0.0, 0.0);

    public static Wall barrier(double position, double coefficient) {
        return new Wall(Kind.BARRIER, position, coefficient);
    }

    public static Wall reflect(double position) {
        return new Wall(Kind.REFLECT, position, 0.0);
    }

    public boolean present() {
        return kind != Kind.NONE;
    }

    /** The force on a particle at {@code x} on the allowed side: {@code ±coefficient/(x − position)} for a barrier, else 0. */
    public double force(double x) {
        return kind == Kind.BARRIER ? coefficient / (x - position) : 0.0;
    }

    /** d(force)/dx, never positive: {@code −coefficient/(x − position)²} for a barrier, else 0. */
    public double slope(double x) {
        if (kind != Kind.BARRIER) return 0.0;
        double d = x - position;
        return -coefficient / (d * d);
    }
}
