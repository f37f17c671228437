package org.dysonsim.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradient records and whole studies exported: every number read back from the CSV (as Java's
 * Double.parseDouble, the parse pandas does with float_precision="round_trip") or the NPY is the
 * journal's double, bit for bit: awkward values (0.1 + 0.2, a subnormal, −0.0, NaN) included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradientAndStudyExportTest {
    private static final String RUN = "grad-run", STUDY = "sweep-20260101-000000";
    private static final int K = 3, RECORDS = 4;

    private Path root;
    private JournalFixture journal;
    private JournalSession session;

    @BeforeAll
    void record(@TempDir Path root) {
        this.root = root;
        journal = JournalFixture.open(root.resolve("data"), "");
        for (int member = 0; member < 2; member++) recordWithGradients(RUN, member);
        journal.recordRun(STUDY + "-s1", 0, 2, 20, 10, true);
        journal.recordRun(STUDY + "-s2", 0, 2, 20, 10, true);
        journal.recordRun(STUDY + "-s10", 0, 2, 20, 10, true);
        session = JournalSession.openForReading(root.resolve("data"), ConfigFactory.empty());
    }

    @AfterAll
    void close() {
        session.close();
        journal.close();
    }

    /** σ_j, projection and variance of record r, member m: distinct, and some of them awkward to print. */
    private static double sigma(int m, int r, int j) {
        return j == 0 ? 0.1 + 0.2 + m + r : j == 1 ? Double.MIN_NORMAL / 3 * (r + 1) : Math.PI * (m + 1) / (r + 7);
    }

    private static double projection(int m, int r, int j) {
        return j == 2 ? -0.0 : -Math.E * (m + 1) * (j + 1) / (r + 3);
    }

    private static double variance(int m, int r, int j) {
        return j == 1 ? Double.NaN : 1.0 / 3 * (m + r + j + 1);
    }

    private static TrajectoryEvent.GradientRecorded gradient(int m, int r) {
        double[] s = new double[K], p = new double[K], v = new double[K];
        for (int j = 0; j < K; j++) {
            s[j] = sigma(m, r, j);
            p[j] = projection(m, r, j);
            v[j] = variance(m, r, j);
        }
        return new TrajectoryEvent.GradientRecorded(10L * r, 0.01 * 10 * r, Math.log(2 + m + r) / 7, s, p, v, 1e-3 / (r + 1));
    }

    private void recordWithGradients(String runId, int member) {
        TestProbe<RecorderCommand.Ack> acks = journal.testKit.createTestProbe();
        var recorder = journal.testKit.spawn(TrajectoryRecorder.create(runId, member));
        recorder.tell(new RecorderCommand.Begin(JournalFixture.started(runId, member, K), acks.ref()));
        for (int r = 0; r < RECORDS; r++) {
            recorder.tell(new RecorderCommand.Record(JournalFixture.snapshot(member, 10L * r, K), gradient(member, r), acks.ref()));
        }
        acks.receiveSeveralMessages(1 + RECORDS, JournalFixture.WRITE_TIMEOUT);
        journal.testKit.stop(recorder);
    }

    private static void assertSameBits(double expected, double actual, String where) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), where + ": " + expected + " vs " + actual);
    }

    @Test
    void gradientCsvHoldsEveryFieldExactlyWithLayersFromTheirCounts() throws IOException {
        Path out = root.resolve("g.csv");
        new GradientExporter(session.reader()).export(RUN, new GradientExportOptions(ExportFormat.CSV, null, 0, false, new int[] {2, 1}), out);
        List<String> lines = Files.readAllLines(out);
        assertEquals(GradientExporter.HEADER, lines.get(0));
        assertEquals(2 * RECORDS * K, lines.size() - 1);
        int row = 1;
        for (int m = 0; m < 2; m++) {
            for (int r = 0; r < RECORDS; r++) {
                TrajectoryEvent.GradientRecorded g = gradient(m, r);
                for (int j = 0; j < K; j++) {
                    String[] c = lines.get(row++).split(",", -1);
                    assertEquals(10, c.length);
                    assertEquals(m, Integer.parseInt(c[0]));
                    assertEquals(10L * r, Long.parseLong(c[1]));
                    assertSameBits(g.t(), Double.parseDouble(c[2]), "t");
                    assertSameBits(g.loss(), Double.parseDouble(c[3]), "loss");
                    assertSameBits(g.noiseVariance(), Double.parseDouble(c[4]), "noise variance");
                    assertEquals(j < 2 ? 0 : 1, Integer.parseInt(c[5]), "layer");
                    assertEquals(j < 2 ? j : 0, Integer.parseInt(c[6]), "index within the layer");
                    assertSameBits(sigma(m, r, j), Double.parseDouble(c[7]), "σ");
                    assertSameBits(projection(m, r, j), Double.parseDouble(c[8]), "projection");
                    assertSameBits(variance(m, r, j), Double.parseDouble(c[9]), "variance");
                }
            }
        }
    }

    @Test
    void gradientNpyHoldsEveryFieldExactly() throws IOException {
        Path out = root.resolve("g.npy");
        ExportSummary summary = new GradientExporter(session.reader()).export(RUN,
                new GradientExportOptions(ExportFormat.NPY, MemberRange.parse("1"), 10, false, null), out);
        assertEquals(8, summary.files().size());
        NpyFile sigma = NpyFile.read(out), projections = NpyFile.read(root.resolve("g.projections.npy")),
                variances = NpyFile.read(root.resolve("g.projection_variances.npy")), loss = NpyFile.read(root.resolve("g.loss.npy")),
                steps = NpyFile.read(root.resolve("g.steps.npy")), layers = NpyFile.read(root.resolve("g.layers.npy"));
        assertArrayEquals(new long[] {1, RECORDS - 1, K}, sigma.shape());
        assertArrayEquals(new long[] {1, RECORDS - 1}, loss.shape());
        assertArrayEquals(new long[] {K}, layers.shape());
        for (int r = 1; r < RECORDS; r++) {
            assertEquals(10L * r, steps.longAt(r - 1));
            assertSameBits(gradient(1, r).loss(), loss.doubleAt(r - 1), "loss");
            for (int j = 0; j < K; j++) {
                long flat = (r - 1L) * K + j;
                assertSameBits(sigma(1, r, j), sigma.doubleAt(flat), "σ");
                assertSameBits(projection(1, r, j), projections.doubleAt(flat), "projection");
                assertSameBits(variance(1, r, j), variances.doubleAt(flat), "variance");
                assertEquals(0, layers.longAt(j));
            }
        }
    }

    @Test
    void aRunWithoutGradientRecordsSaysSoAndWritesNothing() {
        Path out = root.resolve("none.csv");
        JournalException e = assertThrows(JournalException.class, () -> new GradientExporter(session.reader())
                .export(STUDY + "-s1", new GradientExportOptions(ExportFormat.CSV, null, 0, false, null), out));
        assertTrue(e.getMessage().contains("has no gradient record"), e.getMessage());
        assertTrue(Files.notExists(out));
    }

    @Test
    void aStudyIsOneCsvOfItsRunsInSweepOrderWithTheirSweptValues() throws IOException {
        List<String> runs = StudyExporter.runsOf(session.reader().runIds(), STUDY);
        assertEquals(List.of(STUDY + "-s1", STUDY + "-s2", STUDY + "-s10"), runs);
        assertTrue(StudyExporter.runsOf(session.reader().runIds(), "sweep").isEmpty(), "a prefix is no study id");
        Path out = root.resolve("study.csv");
        StudyExporter exporter = new StudyExporter(session.reader());
        assertTrue(exporter.recordedScenario(runs.get(0)).orElseThrow().contains("harmonic test"));
        List<StudyExporter.StudyRun> study = List.of(new StudyExporter.StudyRun(runs.get(0), List.of("0.01", "a, b"), false, null),
                new StudyExporter.StudyRun(runs.get(1), List.of("0.02", "c"), false, null),
                new StudyExporter.StudyRun(runs.get(2), List.of("0.04", "c"), false, null));
        ExportSummary summary = exporter.export(study, List.of("sgd.alpha", "init.kind"), false, false, out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("run_id,sgd.alpha,init.kind," + TrajectoryExporter.HEADER, lines.get(0));
        assertEquals(3 * 3 * 2, lines.size() - 1);
        assertEquals(3 * 3 * 2, summary.values());
        assertEquals(STUDY + "-s1,0.01,\"a, b\",0,0,0.0,0," + JournalFixture.value(0, 0, 0), lines.get(1));
        String last = lines.get(lines.size() - 1);
        assertEquals(STUDY + "-s10,0.04,c,0,20,0.2,1," + JournalFixture.value(0, 20, 1), last);
        assertSameBits(JournalFixture.value(0, 20, 1), Double.parseDouble(last.substring(last.lastIndexOf(',') + 1)), "value");
        assertThrows(JournalException.class, () -> exporter.export(study, List.of("sgd.alpha", "init.kind"), false, false, out),
                "no overwrite without --force");
        exporter.export(study, List.of("sgd.alpha", "init.kind"), false, true, out);
    }
}
