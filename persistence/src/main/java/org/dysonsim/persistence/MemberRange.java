package org.dysonsim.persistence;

import java.util.SortedSet;
import java.util.TreeSet;

/** An inclusive range of ensemble members, written {@code a-b} (or {@code a} for one member). */
public record MemberRange(int first, int last) {

    public MemberRange {
        if (first < 0 || last < first) {
            throw new JournalException("invalid member range " + first + "-" + last + ": expected 0 <= a <= b");
        }
    }

    /** @throws JournalException naming the text if it is not {@code a-b} or {@code a} */
    public static MemberRange parse(String text) {
        String[] parts = text.trim().split("-", -1);
        try {
            if (parts.length == 1) {
                int member = Integer.parseInt(parts[0]);
                return new MemberRange(member, member);
            }
            if (parts.length == 2) {
                return new MemberRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JournalException("invalid member range \"" + text + "\": expected a-b, e.g. 0-9");
    }

    public boolean contains(int member) {
        return member >= first && member <= last;
    }

    SortedSet<Integer> select(SortedSet<Integer> members) {
        SortedSet<Integer> selected = new TreeSet<>();
        for (int member : members) {
            if (contains(member)) {
                selected.add(member);
            }
        }
        return selected;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
