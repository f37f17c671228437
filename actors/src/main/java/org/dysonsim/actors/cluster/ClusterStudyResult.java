package org.dysonsim.actors.cluster;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dysonsim.actors.RunResult;

/**
 * A study run on a cluster.
 *
 * @param result the run, as a local run would give it
 * @param nodes  member → address of the node that finished it (or last ran it)
 * @param moves  how often a member continued on another node because its node left or died
 * @param askedAgain how often a running member was asked again after the silence timeout
 */
public record ClusterStudyResult(RunResult result, SortedMap<Integer, String> nodes, int moves, int askedAgain) {
    public ClusterStudyResult {
        nodes = new TreeMap<>(nodes);
    }

    /** How many members each node finished. */
    public Map<String, Long> membersPerNode() {
        Map<String, Long> counts = new TreeMap<>();
        nodes.values().forEach(node -> counts.merge(node, 1L, Long::sum));
        return counts;
    }
}
