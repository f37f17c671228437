package org.dysonsim.scenarios.report;

import java.util.List;
import java.util.function.Consumer;
import org.dysonsim.actors.MemberTrajectory;

/**
 * The members of a run handed one at a time, in member order. A source that reads the journal
 * reads the members again on every pass and holds one at a time, so what a report keeps is what
 * its analyses keep, not the trajectories.
 */
@FunctionalInterface
public interface MemberSource {
    /** Calls {@code each} with every member of the run (one that recorded nothing has no snapshot), in member order. */
    void forEach(Consumer<MemberTrajectory> each);

    /** Members already in memory. */
    static MemberSource of(List<MemberTrajectory> members) {
        return members::forEach;
    }
}
