package org.dysonsim.persistence;

/**
 * @param members  the members to export, null for all
 * @param fromStep the first nominal step exported (records of earlier steps are skipped)
 */
public record ExportOptions(ExportFormat format, MemberRange members, long fromStep) {

    public static ExportOptions all(ExportFormat format) {
        return new ExportOptions(format, null, 0);
    }
}
