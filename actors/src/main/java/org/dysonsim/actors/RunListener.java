package org.dysonsim.actors;

/** Progress of a run, for a progress bar. Called from actor threads: implementations must be thread-safe and quick. */
public interface RunListener {
    RunListener NONE = (done, total) -> {};

    /** {@code done} member-steps of {@code total} completed. */
    void progress(long done, long total);
}
