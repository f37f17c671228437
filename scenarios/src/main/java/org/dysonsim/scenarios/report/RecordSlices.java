package org.dysonsim.scenarios.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dysonsim.actors.MemberTrajectory;

/**
 * Reads records of every member from a {@link MemberSource}: as many records per pass over the
 * members as fit in {@link #BUDGET} positions, so the memory a report needs for them stays
 * bounded whatever the number of members and records (more members mean more passes).
 */
public final class RecordSlices {
    /** Positions held at once: 1 Mi doubles, 8 MiB (a run of 32 members of 16 levels reads 2048 records per pass). */
    public static final long BUDGET = 1L << 20;
    /**
     * Recorded times a report compares one thing at, at most (spread by {@link #spread}): a run of
     * 10⁶ records made 10⁶ comparisons, each a law built anew.
     */
    public static final int MAX_COMPARED = 200;

    private RecordSlices() {}

    /**
     * The records asked for, cut into batches of ascending records that hold at most
     * {@link #BUDGET} positions of {@code members} members of {@code n} levels: one pass each.
     */
    public static List<SortedSet<Integer>> batches(int members, int n, SortedSet<Integer> records) {
        int perPass = (int) Math.max(1, Math.min(Integer.MAX_VALUE, BUDGET / Math.max(1L, (long) members * n)));
        List<Integer> all = new ArrayList<>(records);
        List<SortedSet<Integer>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += perPass) {
            out.add(new TreeSet<>(all.subList(from, Math.min(all.size(), from + perPass))));
        }
        return out;
    }

    /** At most {@code atMost} of the indices 0 … count − 1, spread evenly, the first and the last included. */
    public static int[] spread(int count, int atMost) {
        if (count <= atMost) return java.util.stream.IntStream.range(0, count).toArray();
        int[] out = new int[atMost];
        for (int k = 0; k < atMost; k++) out[k] = (int) Math.round((double) k * (count - 1) / Math.max(1, atMost - 1));
        return out;
    }

    /** The records asked for in one pass over the members; record −1 is each member's last. */
    public static Map<Integer, RecordSlice> read(MemberSource source, SortedSet<Integer> records) {
        Map<Integer, Builder> builders = new LinkedHashMap<>();
        for (int k : records) builders.put(k, new Builder(k));
        int[] index = {0};
        source.forEach(m -> {
            if (m.values().length == 0) return;
            for (Builder b : builders.values()) b.add(index[0], m);
            index[0]++;
        });
        Map<Integer, RecordSlice> out = new LinkedHashMap<>();
        for (Builder b : builders.values()) out.put(b.record, b.slice());
        return out;
    }

    /** A slice being filled in member order. */
    static final class Builder {
        private final int record;
        private final List<Integer> index = new ArrayList<>();
        private final List<Integer> member = new ArrayList<>();
        private final List<double[]> positions = new ArrayList<>();

        /** @param record the record index, or −1 for each member's last record */
        Builder(int record) {
            this.record = record;
        }

        void add(int at, MemberTrajectory m) {
            int k = record < 0 ? m.values().length - 1 : record;
            if (k >= m.values().length) return;
            index.add(at);
            member.add(m.member());
            positions.add(m.values()[k]);
        }

        RecordSlice slice() {
            return new RecordSlice(record, index.stream().mapToInt(Integer::intValue).toArray(),
                    member.stream().mapToInt(Integer::intValue).toArray(), positions.toArray(new double[0][]));
        }
    }
}
