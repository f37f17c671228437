package org.dysonsim.scenarios.report.rendering;

import org.dysonsim.scenarios.ScenarioParameters;
import org.dysonsim.scenarios.report.Decimals;
import org.dysonsim.scenarios.report.Levels;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.RecordSlices;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.analyses.EnsembleSummary;
import org.dysonsim.scenarios.report.predictions.RunStart;
import org.dysonsim.scenarios.report.Comparison;
import org.dysonsim.scenarios.report.analyses.RunChecks;
import org.dysonsim.scenarios.report.analyses.SpectrumStatistics;
import org.dysonsim.scenarios.report.analyses.StepBiasReport;
import org.dysonsim.scenarios.report.predictions.Prediction;
import org.dysonsim.scenarios.report.predictions.Predictions;
import org.dysonsim.scenarios.report.predictions.ReportSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dysonsim.actors.RunSpec;

/**
 * Writes a finished (or failed) run's report into its directory: report.json with every
 * statistic and comparison, the plots as PNG and SVG, and report.html linking them.
 */
public final class RunReport {
    /** Overlay plots per prediction at most: enough to see the law move, few enough to keep a report small. */
    static final int OVERLAYS = 6;
    private RunReport() {}

    /** @return the path of report.html */
    public static Path write(Path dir, RecordedRun run, String study) throws IOException {
        return write(dir, run, null, study, List.of());
    }

    /**
     * Reads the run's members in a few passes ({@link EnsembleSummary}, then the compared records
     * as {@link RecordSlices} allow), never all of them at once.
     *
     * @param fine  the run's h/2 companion of error control ({@link org.dysonsim.scenarios.ErrorControl}),
     *              null if none was recorded
     * @param extra predictions (by {@link Predictions#NAMES name}) compared in addition to the
     *              scenario's {@code report.predictions} (or, without that key, the model's defaults)
     * @return the path of report.html
     * @throws IllegalArgumentException naming a prediction that is unknown or does not apply
     */
    public static Path write(Path dir, RecordedRun run, RecordedRun fine, String study, List<String> extra) throws IOException {
        try (FigureQueue figures = FigureQueue.open()) {
            Path html = compose(dir, run, fine, study, extra);
            figures.finish();
            return html;
        }
    }

    private static Path compose(Path dir, RecordedRun run, RecordedRun fine, String study, List<String> extra) throws IOException {
        RunSpec spec = run.spec();
        EnsembleSummary summary = EnsembleSummary.of(run);
        // a run that failed early may have members without a single snapshot
        if (summary.recorded() == 0) {
            Map<String, Object> json = header(run, study);
            json.put("statistics", List.of());
            json.put("comparisons", List.of());
            json.put("plots", List.of());
            Files.writeString(new RunDirectory(dir).reportJson(), Json.write(json));
            Path html = new RunDirectory(dir).reportHtml();
            Files.writeString(html, HtmlReport.render(json, List.of(), Map.of(), ScenarioParameters.of(run.spec())));
            return html;
        }
        SpectrumStatistics stats = summary.stats();
        double[] times = stats.times();
        int last = times.length - 1;
        List<Prediction> predictions = predictions(summary.runStart(), extra);
        String axis = spec.coordinates() == RunSpec.Coordinates.SINGULAR_VALUES ? "λ = s²" : "λ";

        // the records each prediction is compared at; all are read, a batch of records per pass
        List<List<Integer>> compared = new ArrayList<>();
        SortedSet<Integer> needed = new TreeSet<>(List.of(0, last));
        var stepBiasOverTime = StepBiasReport.overTime(summary, fine);
        needed.addAll(stepBiasOverTime.records());
        for (Prediction p : predictions) {
            List<Integer> applying = new ArrayList<>();
            for (int k = 0; k < times.length; k++) if (p.mayApplyAt(times[k])) applying.add(k);
            List<Integer> records = new ArrayList<>();
            for (int j : RecordSlices.spread(applying.size(), RecordSlices.MAX_COMPARED)) records.add(applying.get(j));
            compared.add(records);
            needed.addAll(records);
        }
        List<Map<Integer, Comparison>> byRecord = new ArrayList<>();
        for (int q = 0; q < predictions.size(); q++) byRecord.add(new TreeMap<>());
        RecordSlice lastSlice = null;
        LevelMoments moments = new LevelMoments(times.length);
        for (SortedSet<Integer> batch : RecordSlices.batches(summary.recorded(), spec.n(), needed)) {
            for (RecordSlice slice : RecordSlices.read(run.members(), batch).values()) {
                int k = slice.record();
                double t = times[k];
                moments.add(spec, slice, k, withMoments(predictions, t), t);
                stepBiasOverTime.add(slice, t);
                for (int q = 0; q < predictions.size(); q++) {
                    Prediction p = predictions.get(q);
                    List<Integer> records = compared.get(q);
                    // planned where the law may apply; a law that cannot be built at t is not compared there
                    if (!records.contains(k) || !p.appliesAt(t)) continue;
                    byRecord.get(q).put(k, p.compare(spec, slice, t));
                    for (int j : overlaid(records.size())) {
                        if (records.get(j) != k) continue;
                        Plots.save(Plots.density(p.name() + ", t = " + fmt(t), axis, slice.pooledLevels(spec), p, t), dir,
                                overlay(q, j));
                    }
                }
                if (k == last) {
                    lastSlice = slice;
                    Plots.save(Plots.density("Final spectrum, t = " + fmt(t), axis, slice.pooledLevels(spec),
                            applying(predictions, t), t), dir, "density-final");
                }
                if (k == 0) {
                    Plots.save(Plots.density("Initial spectrum, t = 0", axis, slice.pooledLevels(spec),
                            applying(predictions, 0.0), 0.0), dir, "density-initial");
                }
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (Map<Integer, Comparison> c : byRecord) comparisons.addAll(c.values());
        comparisons.addAll(RunChecks.compare(summary, lastSlice));
        StepBiasReport.StepBias errorControl = StepBiasReport.of(summary, stepBiasOverTime);
        comparisons.addAll(errorControl.comparisons());

        Map<String, String> plots = new LinkedHashMap<>();
        plots.put("density-final", "density histogram across members at the last recorded time");
        plots.put("density-initial", "density histogram across members at t = 0");
        Plots.save(Plots.trajectories(spec, summary.first(), axis), dir, "trajectories");
        plots.put("trajectories", "levels of member 0 against time");
        Plots.save(moments.meanChart(axis, times, stats.mean()), dir, "mean");
        plots.put("mean", "mean of all levels against time (± s.e. over members), and of the prediction's law where one applies");
        Plots.save(moments.varianceChart(axis, times, stats.variance()), dir, "variance");
        plots.put("variance", "variance of all levels against time (± s.e. over members), and of the prediction's law where one applies");
        SpacingHistogram.write(summary, lastSlice, times[last], dir, plots);
        EdgeHistogram.write(summary, lastSlice, times[last], dir, plots);
        for (int q = 0; q < predictions.size(); q++) {
            List<Integer> records = compared.get(q);
            for (int j : overlaid(records.size())) {
                plots.put(overlay(q, j), "density histogram across members against " + predictions.get(q).name() + " at t = "
                        + fmt(times[records.get(j)]));
            }
        }

        int figure = 0;
        for (Prediction p : predictions) {
            List<Comparison> overTime = comparisons.stream().filter(c -> c.name().equals(p.name())).toList();
            if (overTime.size() < 2) continue;
            String base = "distance-" + (++figure);
            Plots.save(Plots.distanceOverTime(p.name(), overTime.get(0).statistic(),
                    overTime.stream().mapToDouble(Comparison::t).toArray(),
                    overTime.stream().mapToDouble(Comparison::value).toArray(),
                    overTime.stream().mapToDouble(Comparison::threshold).toArray()), dir, base);
            plots.put(base, overTime.get(0).statistic() + " to " + p.name() + " against time");
        }

        List<ReportSection> sections = Sections.write(run, summary, dir);
        for (ReportSection s : sections) {
            comparisons.addAll(s.comparisons());
            plots.putAll(s.plots());
        }
        Map<String, Object> json = json(run, summary, study, comparisons, plots);
        json.put("error_control", ErrorControlSection.json(errorControl));
        for (ReportSection s : sections) json.put(s.key(), s.json());
        Files.writeString(new RunDirectory(dir).reportJson(), Json.write(json));
        Path html = new RunDirectory(dir).reportHtml();
        Files.writeString(html, HtmlReport.render(json, comparisons, plots, ScenarioParameters.of(spec)));
        return html;
    }

    private static String overlay(int prediction, int drawn) {
        return "overlay-" + (prediction + 1) + "-" + (drawn + 1);
    }

    /**
     * Which of a prediction's {@code count} compared times get an overlay plot: all of them up to
     * {@link #OVERLAYS}, else that many spread evenly from the first to the last (the KS distance
     * of every compared time is in report.json and in the distance plot).
     */
    static List<Integer> overlaid(int count) {
        return java.util.Arrays.stream(RecordSlices.spread(count, OVERLAYS)).boxed().toList();
    }

    /** The scenario's {@code report.predictions} (default: every prediction that applies), then the extra ones not already in. */
    public static List<Prediction> predictions(RunStart result, List<String> extra) {
        List<String> named = ReportSettings.predictions(result.spec());
        // a scenario's prediction that does not apply to the run is left out (listed in report.json), not fatal
        List<Prediction> out = new ArrayList<>(named.isEmpty() ? Predictions.forRun(result)
                : named.stream().flatMap(name -> Predictions.named(result, name).stream()).toList());
        if (extra.isEmpty()) return out;
        for (Prediction p : Predictions.forRun(result, extra.stream().distinct().toList())) {
            if (out.stream().noneMatch(q -> q.name().equals(p.name()))) out.add(p);
        }
        return out;
    }

    /** The first prediction that applies at t, one with closed-form moments wherever it may (its law unbuilt). */
    private static Prediction withMoments(List<Prediction> predictions, double t) {
        return predictions.stream().filter(p -> p.mayApplyAt(t) && (p.moments(t).isPresent() || p.appliesAt(t)))
                .findFirst().orElse(null);
    }

    private static Prediction applying(List<Prediction> predictions, double t) {
        return predictions.stream().filter(p -> p.appliesAt(t)).findFirst().orElse(null);
    }

    private static Map<String, Object> json(RecordedRun result, EnsembleSummary summary, String study,
                                            List<Comparison> comparisons, Map<String, String> plots) {
        SpectrumStatistics stats = summary.stats();
        Map<String, Object> root = header(result, study);
        List<Object> statistics = new ArrayList<>();
        statistics.add(series("mean", "mean of all levels of all members", stats, stats.mean()));
        statistics.add(series("variance", "variance of all levels of all members (pooled)", stats, stats.variance()));
        Map<String, Object> gap = new LinkedHashMap<>();
        gap.put("name", "min_gap");
        gap.put("description", "smallest gap between neighbouring levels in any recorded snapshot");
        gap.put("value", stats.minGap());
        gap.put("member", stats.minGapMember());
        gap.put("step", stats.minGapStep());
        statistics.add(gap);
        statistics.add(values("final_mode_mean", "mean of each level across members at the last recorded time",
                stats.finalModeMean()));
        statistics.add(values("final_mode_variance", "variance of each level across members at the last recorded time",
                stats.finalModeVariance()));
        root.put("statistics", statistics);

        ComparisonJson.put(root, comparisons);
        List<String> notApplicable = ReportSettings.predictions(result.spec()).stream()
                .filter(name -> Predictions.named(summary.runStart(), name).isEmpty()).toList();
        if (!notApplicable.isEmpty()) root.put("predictions_not_applicable", notApplicable);

        List<Object> files = new ArrayList<>();
        for (Map.Entry<String, String> p : plots.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.getKey());
            m.put("description", p.getValue());
            m.put("png", RunDirectory.png(p.getKey()));
            m.put("svg", RunDirectory.svg(p.getKey()));
            files.add(m);
        }
        root.put("plots", files);
        return root;
    }

    /** What the run was and how it ended. */
    private static Map<String, Object> header(RecordedRun result, String study) {
        RunSpec spec = result.spec();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run_id", spec.runId());
        root.put("study", study);
        root.put("scenario", spec.scenarioName());
        root.put("status", result.succeeded() ? "completed" : "failed");
        root.put("failure", result.failure());
        root.put("model", spec.model().getClass().getSimpleName());
        root.put("coordinates", spec.coordinates() == RunSpec.Coordinates.SINGULAR_VALUES
                ? "singular values s, reported as λ = s²" : "eigenvalues λ");
        root.put("n", spec.n());
        root.put("members", spec.members());
        root.put("steps", spec.steps());
        root.put("dt", spec.dt());
        root.put("seed", spec.seed());
        return root;
    }

    private static Map<String, Object> series(String name, String description, SpectrumStatistics stats, double[] value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        int[] kept = RecordSlices.spread(value.length, EnsembleSummary.FIRST_MEMBER_RECORDS); // a long run's JSON stays small
        m.put("step", java.util.Arrays.stream(kept).mapToLong(k -> stats.steps()[k]).toArray());
        m.put("t", java.util.Arrays.stream(kept).mapToDouble(k -> stats.times()[k]).toArray());
        m.put("value", java.util.Arrays.stream(kept).mapToDouble(k -> value[k]).toArray());
        return m;
    }

    private static Map<String, Object> values(String name, String description, double[] value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("value", value);
        return m;
    }

    static String fmt(double d) {
        return Decimals.of(d);
    }
}
