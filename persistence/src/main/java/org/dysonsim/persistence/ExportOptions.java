package org.dysonsim.persistence;

/**
 * @param members  the members to export, null for all
 * @param fromStep  the first nominal step exported (records of earlier steps are skipped)
 * @param overwrite whether existing output files may be replaced
 */
public record ExportOptions(ExportFormat format, MemberRange members, long fromStep, boolean overwrite) {

    /** Options that never replace an existing file. */
    public ExportOptions(ExportFormat format, MemberRange members, long fromStep) {
        this(format, members, fromStep, false);
    }

    public static ExportOptions all(ExportFormat format) {
        return new ExportOptions(format, null, 0);
    }
}
