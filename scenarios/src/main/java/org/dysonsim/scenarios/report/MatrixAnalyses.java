package org.dysonsim.scenarios.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dysonsim.actors.RunResult;

/**
 * The analyses of a matrix-level run (issue 5, "Comparisons"): spectral monitoring along
 * training, the gradient-based forecast of the top-k singular values, and for the RBM the
 * particle-level companion; a network run's own report ({@link NetworkReport}). Nothing for a
 * particle-level run.
 */
final class MatrixAnalyses {
    private MatrixAnalyses() {}

    static List<ReportSection> write(Path dir, RunResult run, SpectrumStatistics stats) throws IOException {
        Optional<ReportSection> network = NetworkReport.write(dir, run);
        if (network.isPresent()) return List.of(network.get());
        Optional<MatrixRun> found = MatrixRun.of(run);
        if (found.isEmpty()) return List.of();
        MatrixRun matrix = found.get();
        List<ReportSection> out = new ArrayList<>();
        out.add(SpectralMonitoring.write(dir, run, matrix, stats));
        out.add(ForecastCheck.write(dir, run, matrix));
        if (matrix.loss().equals(MatrixRun.RBM)) out.add(ParticleCompanion.write(dir, run, matrix));
        return out;
    }
}
