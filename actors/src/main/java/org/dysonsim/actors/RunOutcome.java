package org.dysonsim.actors;

import java.util.List;

/**
 * How an ensemble ended, without its trajectories (they are in the journal).
 *
 * @param members the members that finished, ascending
 * @param failure null on success, else the one-line diagnostic that stopped the run
 */
record RunOutcome(List<Integer> members, String failure) {
    static RunOutcome failed(String failure) {
        return new RunOutcome(List.of(), failure);
    }
}
