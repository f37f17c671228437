package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dyson export} never writes into the data directory, never replaces a file without
 * {@code --force}, publishes complete files only, and refuses a {@code --from-step} past the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportSafetyTest {
    private static final int STEPS = 20;

    private Path data;
    private String runId;

    @BeforeAll
    void recordARun(@TempDir Path dir) throws IOException {
        data = dir.resolve("runs");
        Path scenario = dir.resolve("tiny.conf");
        Files.writeString(scenario, "name = tiny\nn = 3\nsteps = " + STEPS + "\nrecord-every = 5\nensemble.members = 2\n"
                + "drift.kind = harmonic\ninit { kind = explicit, values = [-1, 0, 1] }\nsweep { noise.g2 = [0.5, 1.0] }\n");
        InProcessDyson.Result run = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(), "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        runId = InProcessDyson.run("list", "--data-dir", data.toString()).out().lines().toList().get(1).split("\\s+")[0];
        study = runId.substring(0, runId.lastIndexOf("-s"));
    }

    private String study;

    private InProcessDyson.Result export(String format, Path file, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", runId, "--format", format, "--out", file.toString(),
                "--data-dir", data.toString()));
        args.addAll(List.of(more));
        return InProcessDyson.run(args.toArray(String[]::new));
    }

    private static void assertOneLineBadInput(InProcessDyson.Result result, String expected) {
        assertEquals(Main.BAD_INPUT, result.exit(), result.err());
        assertTrue(result.err().contains(expected), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
    }

    @Test
    void anOutputInsideTheDataDirectoryIsRefusedAndTheJournalKeepsItsBytes(@TempDir Path out) throws IOException {
        Path journal = data.resolve("journal").resolve("dyson.mv.db");
        byte[] before = Files.readAllBytes(journal);
        assertOneLineBadInput(export("csv", journal, "--force"), "inside the data directory");
        assertOneLineBadInput(export("csv", data.resolve("new.csv")), "inside the data directory");
        // through a symbolic link to the data directory as well
        Path link = Files.createSymbolicLink(out.resolve("link"), data);
        assertOneLineBadInput(export("npy", link.resolve("journal").resolve("x.npy"), "--force"), "inside the data directory");
        assertArrayEquals(before, Files.readAllBytes(journal));
        assertFalse(Files.exists(data.resolve("new.csv")));
        InProcessDyson.Result list = InProcessDyson.run("list", "--data-dir", data.toString());
        assertTrue(list.out().contains(runId + " "), list.out());
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce(@TempDir Path out) throws IOException {
        Path csv = out.resolve("values.csv");
        Files.writeString(csv, "keep me\n");
        assertOneLineBadInput(export("csv", csv), "exists; add --force");
        assertEquals("keep me\n", Files.readString(csv));

        InProcessDyson.Result forced = export("csv", csv, "--force");
        assertEquals(Main.OK, forced.exit(), forced.err());
        assertTrue(Files.readString(csv).startsWith("member,step,t,index,value\n"));
        assertEquals(List.of("values.csv"), names(out));
    }

    @Test
    void anNpyExportChecksItsSiblingsTooAndLeavesNoPartialFiles(@TempDir Path out) throws IOException {
        Path npy = out.resolve("values.npy");
        Files.writeString(out.resolve("values.steps.npy"), "mine");
        assertOneLineBadInput(export("npy", npy), "values.steps.npy exists");
        assertFalse(Files.exists(npy), "nothing is written when one of the three files is taken");

        assertEquals(Main.OK, export("npy", npy, "--force").exit());
        assertEquals(List.of("values.npy", "values.steps.npy", "values.times.npy"), names(out));
        assertOneLineBadInput(export("csv", out), "is a directory");
    }

    @Test
    void aFromStepPastTheLastRecordIsAnErrorAndWritesNoFile(@TempDir Path out) throws IOException {
        Path csv = out.resolve("late.csv");
        assertOneLineBadInput(export("csv", csv, "--from-step", Integer.toString(STEPS + 1)),
                "has no record at that step or later (its last record is at step " + STEPS + ")");
        assertOneLineBadInput(export("npy", out.resolve("late.npy"), "--from-step", "1000"), "its last record is at step 20");
        assertEquals(List.of(), names(out));
        InProcessDyson.Result last = export("csv", csv, "--from-step", Integer.toString(STEPS));
        assertEquals(Main.OK, last.exit(), last.err());
        assertEquals(1 + 2 * 3, Files.readAllLines(csv).size(), "header and the last record of two members of n = 3");
    }

    @Test
    void gradientAndStudyExportsAreAsSafeAndSayWhatTheyCannotDo(@TempDir Path out) throws IOException {
        assertOneLineBadInput(export("npy", data.resolve("g.npy"), "--what", "gradients"), "inside the data directory");
        assertOneLineBadInput(export("csv", out.resolve("g.csv"), "--what", "gradients"), "has no gradient record");
        assertOneLineBadInput(export("csv", out.resolve("g.csv"), "--what", "weights"), "--what: expected spectra or gradients");
        assertEquals(List.of(), names(out));

        // a study: every run in one CSV, led by the keys the runs differ in (the swept g² and each point's own seed)
        Path csv = out.resolve("study.csv");
        InProcessDyson.Result all = InProcessDyson.run("export", study, "--format", "csv", "--out", csv.toString(), "--data-dir", data.toString());
        assertEquals(Main.OK, all.exit(), all.err());
        assertTrue(all.out().contains("(2 runs, 4 members; swept: noise.g2, seed)"), all.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run_id,noise.g2,seed,member,step,t,index,value", lines.get(0));
        assertEquals(1 + 2 * 2 * (STEPS / 5 + 1) * 3, lines.size(), "two runs of two members, five records of n = 3");
        assertTrue(lines.get(1).startsWith(study + "-s1,0.5,"), lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith(study + "-s2,1,"), lines.get(lines.size() - 1));
        Path one = out.resolve("one.csv");
        assertEquals(Main.OK, InProcessDyson.run("export", study + "-s2", "--format", "csv", "--out", one.toString(), "--data-dir",
                data.toString()).exit());
        List<String> own = Files.readAllLines(one);
        assertTrue(lines.get(lines.size() - 1).endsWith("," + own.get(own.size() - 1)), "the study's rows are the run's own, after its columns");
        assertOneLineBadInput(InProcessDyson.run("export", study, "--format", "csv", "--out", csv.toString(), "--data-dir", data.toString()),
                "exists; add --force");

        // as npy: a directory of each run's own files and an index of them
        Path npy = out.resolve("study-npy");
        InProcessDyson.Result arrays = InProcessDyson.run("export", study, "--format", "npy", "--out", npy.toString(), "--data-dir", data.toString());
        assertEquals(Main.OK, arrays.exit(), arrays.err());
        List<String> index = Files.readAllLines(npy.resolve("index.csv"));
        assertEquals("run_id,noise.g2,seed,file", index.get(0));
        assertTrue(index.get(2).startsWith(study + "-s2,1,") && index.get(2).endsWith("," + study + "-s2.npy"), index.get(2));
        Path alone = out.resolve("alone.npy");
        assertEquals(Main.OK, InProcessDyson.run("export", study + "-s2", "--format", "npy", "--out", alone.toString(), "--data-dir",
                data.toString()).exit());
        assertArrayEquals(Files.readAllBytes(alone), Files.readAllBytes(npy.resolve(study + "-s2.npy")), "a run's own export, byte for byte");
        assertArrayEquals(Files.readAllBytes(out.resolve("alone.steps.npy")), Files.readAllBytes(npy.resolve(study + "-s2.steps.npy")));
        assertOneLineBadInput(InProcessDyson.run("export", study, "--format", "npy", "--out", npy.toString(), "--data-dir", data.toString()),
                "exists; add --force");
        assertOneLineBadInput(InProcessDyson.run("export", study, "--format", "npy", "--out", data.resolve("inside").toString(),
                "--data-dir", data.toString()), "inside the data directory");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("link")).sorted().toList();
        }
    }
}
