package org.dysonsim.physics.monitor;

/** The stage of training a record is in, by the rules of {@link TrainingStages}. */
public enum TrainingStage {
    /** No heavy tail yet: the spectrum is a Marchenko–Pastur bulk (or its tail is too light to count). */
    EXPLORATION,
    /** A heavy tail stands out of the bulk and its exponent is still moving. */
    HEAVY_TAIL_STABILISATION,
    /** The tail's exponent has stopped moving within its standard error. */
    SATURATION;

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
