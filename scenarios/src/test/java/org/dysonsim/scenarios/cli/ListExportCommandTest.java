package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code dyson list} and {@code dyson export} on a run recorded by {@code dyson run}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListExportCommandTest {
    private static final int N = 3;
    private static final int MEMBERS = 2;
    private static final int STEPS = 20;

    private Path dir;
    private Path data;
    private String runId;

    private static InProcessDyson.Result dyson(String... args) {
        return InProcessDyson.run(args);
    }

    @BeforeAll
    void recordARun(@TempDir Path dir) throws IOException {
        this.dir = dir;
        this.data = dir.resolve("runs");
        Path scenario = dir.resolve("tiny.conf");
        Files.writeString(scenario, "name = tiny\nn = " + N + "\nsteps = " + STEPS + "\nrecord-every = 5\n"
                + "ensemble.members = " + MEMBERS + "\ndrift.kind = harmonic\ninit { kind = explicit, values = [-1, 0, 1] }\n");
        InProcessDyson.Result run = dyson("run", scenario.toString(), "--data-dir", data.toString(), "--seed", "5", "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        List<String> rows = dyson("list", "--data-dir", data.toString()).out().lines().toList();
        runId = rows.get(1).split("\\s+")[0];
    }

    @Test
    void listPrintsAHeaderThenOneRowPerRunWithTheRunIdFirst() {
        InProcessDyson.Result list = dyson("list", "--data-dir", data.toString());
        assertEquals(Main.OK, list.exit(), list.err());
        List<String> rows = list.out().lines().toList();
        assertEquals(2, rows.size(), list.out());
        assertEquals(ListCommand.HEADER, List.of(rows.get(0).split("\\s+")));
        String[] cells = rows.get(1).split("\\s+");
        assertEquals(List.of(runId, "tiny", "completed", Integer.toString(MEMBERS), Integer.toString(STEPS)),
                List.of(cells).subList(0, 5));
        assertTrue(cells[5].matches("\\d+(\\.\\d)?(B|KiB|MiB)"), cells[5]);
    }

    @Test
    void csvExportHasOneRowPerRecordedValue() throws IOException {
        Path csv = dir.resolve("out/all.csv");
        InProcessDyson.Result export = dyson("export", runId, "--format", "csv", "--out", csv.toString(), "--data-dir", data.toString());
        assertEquals(Main.OK, export.exit(), export.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("member,step,t,index,value", lines.get(0));
        long records = lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).distinct().count();
        assertEquals(records * N, lines.size() - 1, "each record has n values");
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",").length == 5));
        assertTrue(export.out().startsWith("wrote " + csv), export.out());
    }

    @Test
    void aWishartRunExportsTheEigenvaluesOfWtWNotItsSingularValues() throws IOException {
        Path scenario = dir.resolve("wishart.conf");
        // λ(0) = 1 and 4: the run starts from s = 1 and 2, and records s
        Files.writeString(scenario, "name = w\nmodel = wishart\nn = 2\nsteps = 10\nrecord-every = 5\n"
                + "ensemble.members = 1\nerror-control.members = 0\ninit { kind = explicit, values = [1, 4] }\n");
        Path wishartData = dir.resolve("wishart-runs");
        assertEquals(Main.OK, dyson("run", scenario.toString(), "--data-dir", wishartData.toString(), "--quiet").exit());
        String id = dyson("list", "--data-dir", wishartData.toString()).out().lines().toList().get(1).split("\\s+")[0];
        Path csv = dir.resolve("wishart.csv");
        InProcessDyson.Result export = dyson("export", id, "--format", "csv", "--out", csv.toString(),
                "--data-dir", wishartData.toString());
        assertEquals(Main.OK, export.exit(), export.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(List.of("0,0,0.0,0,1.0", "0,0,0.0,1,4.0"), rows.subList(1, 3), "λ at step 0, not s");
        try (JournalSession session = JournalSession.openForReading(wishartData, ConfigFactory.empty());
             Stream<TrajectoryEvent> events = session.reader().events(id, 0)) {
            List<Double> squared = events.filter(e -> e instanceof TrajectoryEvent.SnapshotRecorded)
                    .flatMapToDouble(e -> Arrays.stream(((TrajectoryEvent.SnapshotRecorded) e).values())).map(v -> v * v)
                    .boxed().toList();
            assertEquals(squared, rows.stream().skip(1).map(r -> Double.parseDouble(r.split(",")[4])).toList(),
                    "every exported value is the square of a recorded singular value");
        }
    }

    @Test
    void npyExportOfOneMemberFromAStepMatchesTheCsvValues() throws IOException {
        Path csv = dir.resolve("m1.csv");
        Path npy = dir.resolve("m1.npy");
        String[] common = {"--members", "1-1", "--from-step", "10", "--data-dir", data.toString()};
        assertEquals(Main.OK, dyson(concat(new String[] {"export", runId, "--format", "csv", "--out", csv.toString()}, common)).exit());
        assertEquals(Main.OK, dyson(concat(new String[] {"export", runId, "--format", "NPY", "--out", npy.toString()}, common)).exit());
        List<String> rows = Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size());
        assertTrue(rows.stream().allMatch(r -> r.startsWith("1,") && Long.parseLong(r.split(",")[1]) >= 10), rows.toString());

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(npy)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = Short.toUnsignedInt(bytes.getShort(8));
        String header = new String(Files.readAllBytes(npy), 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (1, " + rows.size() / N + ", " + N + ")"), header);
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(Double.parseDouble(rows.get(k).split(",")[4]), bytes.getDouble(10 + headerLength + 8 * k));
        }
        assertTrue(Files.exists(dir.resolve("m1.times.npy")) && Files.exists(dir.resolve("m1.steps.npy")));
    }

    @Test
    void badExportRequestsAreExitTwoWithOneLine() {
        for (String[] args : List.of(
                new String[] {"export", "no-such-run", "--format", "csv", "--out", dir.resolve("x.csv").toString()},
                new String[] {"export", runId, "--format", "xlsx", "--out", dir.resolve("x.xlsx").toString()},
                new String[] {"export", runId, "--format", "csv", "--members", "9-3", "--out", dir.resolve("x.csv").toString()},
                new String[] {"export", runId, "--format", "csv", "--out", dir.resolve("x.csv").toString(), "--from-step", "-1"})) {
            InProcessDyson.Result result = dyson(concat(args, new String[] {"--data-dir", data.toString()}));
            assertEquals(Main.BAD_INPUT, result.exit(), result.err());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().startsWith("dyson: "), result.err());
        }
        assertTrue(Files.notExists(dir.resolve("x.csv")));
    }

    @Test
    void listOfADirectoryThatIsNotOursIsExitTwo() throws IOException {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign.resolve("sub"));
        InProcessDyson.Result list = dyson("list", "--data-dir", foreign.toString());
        assertEquals(Main.BAD_INPUT, list.exit());
        assertTrue(list.err().contains("not a dysonsim data directory"), list.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
