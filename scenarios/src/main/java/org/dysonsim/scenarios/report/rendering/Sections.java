package org.dysonsim.scenarios.report.rendering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.analyses.EnsembleSummary;
import org.dysonsim.scenarios.report.analyses.ForecastCheck;
import org.dysonsim.scenarios.report.analyses.ParticleCompanion;
import org.dysonsim.scenarios.report.analyses.SpectralMonitoring;

/**
 * The analyses a report adds after its density predictions, in report order, each with the
 * renderer of its typed result. An analysis that does not apply to a run returns empty. Adding
 * one: its class in {@code analyses}, its renderer here, one line in {@link #ALL}.
 */
final class Sections {
    /** Turns an analysis's result into its JSON block and plots (saved into the run directory). */
    @FunctionalInterface
    interface Renderer<R> {
        ReportSection render(R result, Path dir) throws IOException;
    }

    record Section<R>(BiFunction<RecordedRun, EnsembleSummary, Optional<R>> analysis, Renderer<R> renderer) {
        Optional<ReportSection> write(RecordedRun run, EnsembleSummary summary, Path dir) throws IOException {
            Optional<R> result = analysis.apply(run, summary);
            return result.isEmpty() ? Optional.empty() : Optional.of(renderer.render(result.get(), dir));
        }
    }

    static final List<Section<?>> ALL = List.of(
            new Section<>(SpectralMonitoring::of, MonitoringSection::render),
            new Section<>(ForecastCheck::of, ForecastSection::render),
            new Section<>(ParticleCompanion::of, CompanionSection::render),
            new Section<>(NetworkSection::of, NetworkSection::render));

    private Sections() {}

    static List<ReportSection> write(RecordedRun run, EnsembleSummary summary, Path dir) throws IOException {
        List<ReportSection> out = new ArrayList<>();
        for (Section<?> s : ALL) s.write(run, summary, dir).ifPresent(out::add);
        return out;
    }
}
