package org.dysonsim.scenarios.gallery;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dysonsim.scenarios.RunDirectory;

/**
 * Finds, in a data directory, a completed run of each resolved scenario text of a study: the same
 * text as the run's {@code scenario.conf} and a report.json whose status is {@code completed}. For
 * a sweep every run must belong to one study whose study.json is written. The newest such study wins.
 */
public final class CompletedRuns {
    private CompletedRuns() {}

    /**
     * The runs of a study found in the data directory.
     *
     * @param runDirs  one per resolved text, in the same order
     * @param studyDir the study's directory (with study.json) for a sweep, else null
     */
    public record Found(List<Path> runDirs, Path studyDir) {}

    private record Candidate(Path dir, String study, String text) {}

    public static Optional<Found> find(Path dataDir, List<String> resolvedTexts) {
        List<Candidate> candidates = candidates(dataDir);
        List<String> studies = candidates.stream().filter(c -> c.text().equals(resolvedTexts.get(0)))
                .map(Candidate::study).distinct().sorted().toList();
        for (int s = studies.size() - 1; s >= 0; s--) {
            String study = studies.get(s);
            List<Path> dirs = new ArrayList<>();
            for (String text : resolvedTexts) {
                candidates.stream().filter(c -> c.study().equals(study) && c.text().equals(text))
                        .map(Candidate::dir).reduce((a, b) -> b).ifPresent(dirs::add);
            }
            if (dirs.size() < resolvedTexts.size()) continue;
            if (resolvedTexts.size() == 1) return Optional.of(new Found(dirs, null));
            Path studyDir = dataDir.resolve(study);
            if (Files.isRegularFile(studyDir.resolve(RunDirectory.STUDY_JSON))) return Optional.of(new Found(dirs, studyDir));
        }
        return Optional.empty();
    }

    /** Every run directory with a resolved scenario and a completed report, in name order. */
    private static List<Candidate> candidates(Path dataDir) {
        if (!Files.isDirectory(dataDir)) return List.of();
        List<Candidate> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dataDir)) {
            for (Path dir : entries.sorted().toList()) {
                Path scenario = dir.resolve(RunDirectory.SCENARIO);
                Path report = dir.resolve(RunDirectory.REPORT_JSON);
                if (!Files.isRegularFile(scenario) || !Files.isRegularFile(report)) continue;
                Config json = ConfigFactory.parseFile(report.toFile());
                if (!json.hasPath("status") || !json.getString("status").equals("completed")) continue;
                String study = json.hasPath("study") ? json.getString("study") : dir.getFileName().toString();
                found.add(new Candidate(dir, study, Files.readString(scenario)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return found;
    }
}
