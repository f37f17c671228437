package org.dysonsim.persistence;

/**
 * @param members  the members to export, null for all
 * @param fromStep  the first nominal step exported (records of earlier steps are skipped)
 * @param overwrite whether existing output files may be replaced
 * @param squared   whether each recorded value is written squared: a run recorded in singular
 *                  values s exports the eigenvalues λ = s² of WᵀW
 */
public record ExportOptions(ExportFormat format, MemberRange members, long fromStep, boolean overwrite, boolean squared) {

    /** Options that write the recorded values as they are. */
    public ExportOptions(ExportFormat format, MemberRange members, long fromStep, boolean overwrite) {
        this(format, members, fromStep, overwrite, false);
    }

    /** Options that never replace an existing file. */
    public ExportOptions(ExportFormat format, MemberRange members, long fromStep) {
        this(format, members, fromStep, false);
    }

    public static ExportOptions all(ExportFormat format) {
        return new ExportOptions(format, null, 0);
    }
}
