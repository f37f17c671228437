package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dysonsim.persistence.StoredBits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flipped bit inside a value stored in the journal's file: {@code export}, {@code replay} and
 * {@code resume} each stop with one line naming the run, member and step, exit code 2, and write
 * no number.
 */
class CorruptedJournalCommandTest {

    @Test
    void aFlippedBitIsReportedByExportReplayAndResume(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("runs");
        Path scenario = dir.resolve("tiny.conf");
        Files.writeString(scenario, "name = tiny\nn = 3\nsteps = 20\nrecord-every = 5\nensemble.members = 2\n"
                + "drift.kind = harmonic\ninit { kind = explicit, values = [-1, 0, 1] }\n");
        InProcessDyson.Result run = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(),
                "--seed", "5", "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        String runId = DysonProcess.onlyRun(data);
        Path csv = dir.resolve("before.csv");
        assertEquals(Main.OK, InProcessDyson.run("export", runId, "--format", "csv", "--out", csv.toString(),
                "--data-dir", data.toString()).exit());
        // member,step,t,index,value: member 1, step 10, index 2
        double value = Files.readAllLines(csv).stream().map(line -> line.split(","))
                .filter(cells -> cells[0].equals("1") && cells[1].equals("10") && cells[3].equals("2"))
                .mapToDouble(cells -> Double.parseDouble(cells[4])).findFirst().orElseThrow();
        assertTrue(StoredBits.flipLowBit(data.resolve("journal/dyson.mv.db"), value) > 0, "the value is in the file as raw bits");

        Path out = dir.resolve("after.csv");
        assertCorruptionLine(InProcessDyson.run("export", runId, "--format", "csv", "--out", out.toString(),
                "--data-dir", data.toString()), runId);
        assertCorruptionLine(InProcessDyson.run("replay", runId, "--data-dir", data.toString()), runId);
        assertCorruptionLine(InProcessDyson.run("resume", runId, "--data-dir", data.toString(), "--quiet"), runId);
    }

    private static void assertCorruptionLine(InProcessDyson.Result result, String runId) {
        assertEquals(Main.BAD_INPUT, result.exit(), result.err());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("dyson: ") && line.contains("run " + runId + " member 1")
                && line.contains("step 10") && line.contains("corrupted"), line);
        assertFalse(result.out().contains("report:"), result.out());
    }
}
