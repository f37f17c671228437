package org.dysonsim.persistence;

import java.util.Locale;

/** The state of a run as {@code dyson list} shows it. */
public enum RunStatus {
    /** Not ended, and a live process holds its lock. */
    RUNNING,
    /** Not ended, and no live process holds its lock: {@code dyson resume} continues it. */
    INTERRUPTED,
    /** Every member completed. */
    COMPLETED,
    /** At least one member failed. */
    FAILED;

    /** The lower-case word printed by {@code dyson list}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
