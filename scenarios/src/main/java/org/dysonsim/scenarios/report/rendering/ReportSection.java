package org.dysonsim.scenarios.report.rendering;

import java.util.List;
import java.util.Map;
import org.dysonsim.scenarios.report.Comparison;

/**
 * A part of a report rendered apart from the density predictions: its comparisons (with
 * verdicts), its block of report.json under {@code key}, and the plots it saved (base name →
 * description).
 */
record ReportSection(String key, List<Comparison> comparisons, Map<String, Object> json, Map<String, String> plots) {}
