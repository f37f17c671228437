package org.dysonsim.scenarios.gallery;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.StudyPlan;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * Builds the gallery's outcomes: for each claim, reuses a completed run of its scenario (same
 * resolved scenario text) from the data directory, or runs the scenario there, then reads the
 * claim's numbers from the report.
 */
public final class Gallery {
    private Gallery() {}

    /** Runs a scenario into the data directory as {@code dyson run} would; returns its exit code. */
    @FunctionalInterface
    public interface ScenarioLauncher {
        int run(Path scenarioFile, List<String> overrides);
    }

    /**
     * @param scenarios the directory of the shipped scenarios
     * @param progress  where one line per claim goes ({@code gallery: claim k/n: ...})
     */
    public static List<ClaimOutcome> build(List<Claim> claims, Path scenarios, Path dataDir, boolean quick,
                                           ScenarioLauncher launcher, PrintWriter progress) {
        List<ClaimOutcome> outcomes = new ArrayList<>();
        Set<Path> ranHere = new HashSet<>(); // runs made by this build, which later claims of the same scenario read
        for (int k = 0; k < claims.size(); k++) {
            Claim claim = claims.get(k);
            String prefix = "gallery: claim " + (k + 1) + "/" + claims.size() + ": " + claim.id() + ": ";
            String command = claim.command(quick);
            Path file = scenarios.resolve(claim.scenario() + ".conf");
            if (!Files.isRegularFile(file)) {
                progress.println(prefix + "no scenario file " + file);
                outcomes.add(ClaimOutcome.none(claim, "no scenario file " + file + " (see --scenarios)", command));
                continue;
            }
            List<String> texts;
            try {
                texts = StudyPlan.prepare(file, claim.overrides(quick), dataDir, Instant.now()).runs().stream()
                        .map(RunSpec::scenarioText).toList();
            } catch (ScenarioException e) {
                // a data set the scenario needs is not installed here, say: the page says what to do
                progress.println(prefix + "no result: " + e.problem());
                outcomes.add(ClaimOutcome.none(claim, "No result: " + e.problem(), command));
                continue;
            }
            Optional<CompletedRuns.Found> found = CompletedRuns.find(dataDir, texts);
            String note;
            if (found.isPresent()) {
                progress.println(prefix + "reusing " + found.get().runDirs().get(0).getFileName());
                note = ranHere.contains(found.get().runDirs().get(0)) ? "Ran for this gallery."
                        : "Reused a completed run of the same resolved scenario.";
            } else {
                progress.println(prefix + "running " + file + (quick ? " (quick)" : ""));
                progress.flush();
                int exit = launcher.run(file, claim.overrides(quick));
                found = CompletedRuns.find(dataDir, texts);
                if (found.isEmpty()) {
                    progress.println(prefix + "the run did not complete (exit code " + exit + ")");
                    outcomes.add(ClaimOutcome.none(claim, "The run did not complete (exit code " + exit + ").", command));
                    continue;
                }
                ranHere.add(found.get().runDirs().get(0));
                note = "Ran for this gallery.";
            }
            progress.flush();
            outcomes.add(ClaimReading.read(claim, found.get(), note, command));
        }
        return outcomes;
    }
}
