package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose report has failing comparisons: its verdicts are printed after the report line,
 * and {@code --check} turns them into exit code 3 on run and on replay.
 */
class CheckExitTest {
    /**
     * Three levels from an explicit start, 20 steps of 0.001 and two members: the step-size error
     * control holds the h versus h/2 bias of each level's variance to a budget that two members
     * leave tiny, and these runs exceed it (with the generator before Philox as well).
     */
    private static final String TINY = "name = tiny\nn = 3\nsteps = 20\nrecord-every = 5\nensemble.members = 2\n"
            + "drift.kind = harmonic\ninit { kind = explicit, values = [-1, 0, 1] }\n";

    @Test
    void aFailingComparisonIsPrintedAndExitsThreeUnderCheck(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("tiny.conf");
        Files.writeString(scenario, TINY);
        Path data = dir.resolve("runs");
        InProcessDyson.Result run = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(),
                "--seed", "99", "--quiet", "--check");
        assertEquals(Main.CHECK_FAILED, run.exit(), run.out() + run.err());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        String runId = Path.of(lines.get(0).substring("report: ".length())).getParent().getFileName().toString();
        assertTrue(lines.get(1).matches("run " + runId + ": \\d+/\\d+ comparisons pass(, \\d+ inconclusive)?, \\d+ fail: step bias.*"), lines.get(1));

        InProcessDyson.Result replay = InProcessDyson.run("replay", runId, "--data-dir", data.toString(), "--check");
        assertEquals(Main.CHECK_FAILED, replay.exit(), replay.err());
        assertEquals(lines.get(1), replay.out().lines().toList().get(1), "the replayed report has the same verdicts");
    }
}
