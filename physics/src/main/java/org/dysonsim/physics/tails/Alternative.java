package org.dysonsim.physics.tails;

/** The laws a power-law tail is tested against (docs/physics.md §8), with their JSON keys and verdict labels. */
public enum Alternative {
    EXPONENTIAL("exponential", "exponential"),
    LOGNORMAL("lognormal", "lognormal"),
    STRETCHED_EXPONENTIAL("stretched_exponential", "stretched exponential"),
    TRUNCATED_POWER_LAW("truncated_power_law", "truncated power law");

    private final String key, label;

    Alternative(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether {@code this} is the special case of {@code larger} at a parameter value (exponential in both two-parameter laws with an exponential limit). */
    public boolean nestedIn(Alternative larger) {
        return this == EXPONENTIAL && (larger == STRETCHED_EXPONENTIAL || larger == TRUNCATED_POWER_LAW);
    }
}
