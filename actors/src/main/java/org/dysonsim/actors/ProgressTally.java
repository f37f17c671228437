package org.dysonsim.actors;

import org.slf4j.Logger;

/**
 * The member-steps an ensemble has done, from each member's latest step: a member that restarts
 * from an earlier snapshot reports steps it did before, which count once. Reports every increase
 * to the {@link RunListener}. One per ensemble actor; not thread-safe.
 */
public final class ProgressTally {
    private final long[] stepsDone;
    private final long total;
    private final RunListener listener;
    private long done;

    public ProgressTally(RunSpec spec, RunListener listener) {
        this.stepsDone = new long[spec.members()];
        this.total = spec.members() * spec.steps();
        this.listener = listener;
    }

    /** Member {@code member} has reached {@code step}; a listener that throws is logged, never fatal. */
    public void reached(int member, long step, Logger log) {
        long delta = step - stepsDone[member];
        if (delta <= 0) return;
        stepsDone[member] = step;
        done += delta;
        try {
            listener.progress(done, total);
        } catch (RuntimeException e) {
            log.warn("progress listener failed: {}", e.toString());
        }
    }
}
