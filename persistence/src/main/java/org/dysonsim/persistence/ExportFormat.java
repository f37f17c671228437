package org.dysonsim.persistence;

import java.util.Locale;

/** What {@code dyson export --format} writes. */
public enum ExportFormat {
    /** Long format, one row per value: {@code member,step,t,index,value}. */
    CSV,
    /** NumPy arrays: values (member × record × index), times and steps (member × record). */
    NPY;

    /** @throws JournalException for anything but csv or npy (any case) */
    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JournalException("unknown export format \"" + text + "\": expected csv or npy");
        }
    }
}
