package org.dysonsim.actors;

/**
 * Which nominal steps of a member are recorded: step 0, every {@code every}-th step and the last
 * step {@code steps}. The one place this rule is written; the clock, the chunks of steps, the
 * eigenvalue blocks' progress, the weight matrix and the network's loss all ask it.
 */
record RecordSchedule(long steps, int every) {
    RecordSchedule {
        if (every < 1) throw new IllegalArgumentException("the record interval must be positive, got " + every);
    }

    static RecordSchedule of(RunSpec spec) {
        return new RecordSchedule(spec.steps(), spec.recordEvery());
    }

    /** Whether step {@code step} is recorded. */
    boolean records(long step) {
        return records(step, every, steps);
    }

    /** The first recorded step after {@code step}. */
    long nextAfter(long step) {
        return Math.min(steps, (step / every + 1) * every);
    }

    /** Whether {@code step} is recorded in a run of {@code last} steps recorded every {@code every}. */
    static boolean records(long step, int every, long last) {
        return step % every == 0 || step == last;
    }
}
