package org.dysonsim.actors;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The finished members of a run as a list that holds none of their trajectories: each
 * {@link #get} reads that member back from where it was recorded, so a run of any number of
 * members is looked at one member at a time, in the memory of one. Reading the same member twice
 * reads it twice; a caller that needs it again keeps it.
 */
final class RecordedMembers extends AbstractList<MemberTrajectory> implements RandomAccess {
    private final String runId;
    private final List<Integer> members;
    private final RecorderFactory recorders;

    /** @param members the members, ascending, that {@code recorders} recorded to their end under {@code runId} */
    RecordedMembers(String runId, List<Integer> members, RecorderFactory recorders) {
        this.runId = runId;
        this.members = List.copyOf(members);
        this.recorders = recorders;
    }

    /**
     * The {@code index}-th finished member's trajectory, read now.
     *
     * @throws RuntimeException whatever the recording throws when it cannot be read (for the
     *                          journal, a one-line {@link org.dysonsim.persistence.JournalException})
     */
    @Override
    public MemberTrajectory get(int index) {
        return recorders.recorded(runId, members.get(index));
    }

    @Override
    public int size() {
        return members.size();
    }
}
