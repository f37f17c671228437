package org.dysonsim.scenarios.gallery;

import java.nio.file.Path;
import java.util.List;

/**
 * What the gallery shows for one claim.
 *
 * @param claim    the claim
 * @param verdict  reproduced when every row passed, not reproduced when one failed, inconclusive when
 *                 none failed but a comparison could not catch a twofold error, no result when
 *                 there was no completed run or its report lacks the comparisons
 * @param rows     one per comparison group, as read from the report(s)
 * @param figures  png files to show, in the run's or study's directory
 * @param source   the run (or study) directory the numbers come from, null when none
 * @param note     why there is no result, or how the run was obtained ("reused", "ran")
 * @param command  the command that reproduces the claim
 */
public record ClaimOutcome(Claim claim, Verdict verdict, List<Row> rows, List<Path> figures, Path source, String note,
                           String command) {

    public enum Verdict {
        REPRODUCED("reproduced"), NOT_REPRODUCED("not reproduced"), INCONCLUSIVE("inconclusive"), NO_RESULT("no result");

        public final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    /**
     * One comparison group: the worst of the comparisons it covers (largest value over threshold).
     *
     * @param name      the comparison's name in the report (of the worst one)
     * @param statistic what {@code value} is
     * @param t         the time it was measured at, or null
     * @param count     how many comparisons of the report(s) the group covers
     * @param failed       how many of them failed
     * @param inconclusive how many of them were inconclusive (within the threshold, unable to catch a twofold error)
     * @param value        the measured number of the worst one
     * @param threshold    its threshold
     */
    public record Row(String name, String statistic, Double t, int count, int failed, int inconclusive, double value, double threshold) {
        public boolean passed() {
            return failed == 0;
        }

        /** fail when one failed, else inconclusive when one was, else pass. */
        public String verdict() {
            return failed > 0 ? "fail" : inconclusive > 0 ? "inconclusive" : "pass";
        }
    }

    public ClaimOutcome {
        rows = List.copyOf(rows);
        figures = List.copyOf(figures);
    }

    static ClaimOutcome none(Claim claim, String why, String command) {
        return new ClaimOutcome(claim, Verdict.NO_RESULT, List.of(), List.of(), null, why, command);
    }
}
