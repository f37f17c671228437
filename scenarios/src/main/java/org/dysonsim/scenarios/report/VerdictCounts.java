package org.dysonsim.scenarios.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many of a run's comparisons pass, are inconclusive and fail, and the run's verdict from them. */
public record VerdictCounts(long passing, long inconclusive, long failed) {
    public static VerdictCounts of(List<Comparison> comparisons) {
        long failed = comparisons.stream().filter(Comparison::failed).count();
        long inconclusive = comparisons.stream().filter(Comparison::inconclusive).count();
        return new VerdictCounts(comparisons.size() - failed - inconclusive, inconclusive, failed);
    }

    public long total() {
        return passing + inconclusive + failed;
    }

    /** fail when a comparison fails, else inconclusive when one is, else pass. */
    public String overall() {
        return failed > 0 ? Comparison.FAIL : inconclusive > 0 ? Comparison.INCONCLUSIVE : Comparison.PASS;
    }

    public String rule() {
        return "fail when a comparison fails, else inconclusive when one cannot catch a twofold error, else pass ("
                + failed + " fail and " + inconclusive + " inconclusive of " + total() + ")";
    }

    /** report.json's {@code verdict_counts}. */
    public Map<String, Object> json() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put(Comparison.PASS, passing);
        counts.put(Comparison.INCONCLUSIVE, inconclusive);
        counts.put(Comparison.FAIL, failed);
        return counts;
    }
}
