package org.dysonsim.physics.tails;

/**
 * Which law describes a tail (docs/physics.md §8, rule in {@link TailAnalysis}).
 */
public enum TailVerdict {
    POWER_LAW("power law"),
    TRUNCATED_POWER_LAW("truncated power law"),
    LOGNORMAL("lognormal"),
    EXPONENTIAL("exponential"),
    STRETCHED_EXPONENTIAL("stretched exponential"),
    CANNOT_TELL("cannot tell");

    private final String label;

    TailVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static TailVerdict of(Alternative a) {
        return switch (a) {
            case EXPONENTIAL -> EXPONENTIAL;
            case LOGNORMAL -> LOGNORMAL;
            case STRETCHED_EXPONENTIAL -> STRETCHED_EXPONENTIAL;
            case TRUNCATED_POWER_LAW -> TRUNCATED_POWER_LAW;
        };
    }
}
