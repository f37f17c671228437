package org.dysonsim.physics.gas;

/**
 * A boundary of the gas. {@code BARRIER} adds the force {@code ±coefficient/(x − position)}
 * pointing away from the wall, integrated implicitly so it is never crossed; {@code REFLECT}
 * is a zero-flux wall; {@code NONE} is no wall (position and coefficient ignored).
 */
public record Wall(Kind kind, double position, double coefficient) {
    public enum Kind { NONE, BARRIER, REFLECT }

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
}
