package org.dysonsim.persistence;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.dysonsim.persistence.JournalFixture.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrajectoryExporterTest {

    private static final int N = 4;
    private static final String RUN = "export-run";

    private Path root;
    private JournalFixture journal;
    private JournalSession session;

    @BeforeAll
    void record(@TempDir Path root) {
        this.root = root;
        journal = JournalFixture.open(root.resolve("data"), "");
        // Members 0 and 1 complete 6 records (steps 0..50); member 2 stopped after step 30.
        journal.recordRun(RUN, 0, N, 50, 10, true);
        journal.recordRun(RUN, 1, N, 50, 10, true);
        journal.recordRun(RUN, 2, N, 30, 10, false);
        session = JournalSession.openForReading(root.resolve("data"), ConfigFactory.empty());
    }

    @AfterAll
    void close() {
        session.close();
        journal.close();
    }

    @Test
    void csvHasTheHeaderAndOneRowPerValueInMemberStepIndexOrder() throws IOException {
        Path out = root.resolve("all.csv");
        ExportSummary summary = session.exporter().export(RUN, ExportOptions.all(ExportFormat.CSV), out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("member,step,t,index,value", lines.get(0));
        assertEquals((6 + 6 + 4) * N, lines.size() - 1);
        assertEquals((6 + 6 + 4) * N, summary.values());
        int row = 1;
        for (int member = 0; member < 3; member++) {
            for (long step = 0; step <= (member == 2 ? 30 : 50); step += 10) {
                for (int i = 0; i < N; i++) {
                    String[] cells = lines.get(row++).split(",");
                    assertEquals(5, cells.length);
                    assertEquals(member, Integer.parseInt(cells[0]));
                    assertEquals(step, Long.parseLong(cells[1]));
                    assertEquals(0.01 * step, Double.parseDouble(cells[2]));
                    assertEquals(i, Integer.parseInt(cells[3]));
                    assertEquals(value(member, step, i), Double.parseDouble(cells[4]), "values are written exactly");
                }
            }
        }
    }

    @Test
    void csvSelectsMembersAndFirstStep() throws IOException {
        Path out = root.resolve("some.csv");
        session.exporter().export(RUN, new ExportOptions(ExportFormat.CSV, MemberRange.parse("1-2"), 30), out);
        List<String> rows = Files.readAllLines(out).subList(1, (3 + 1) * N + 1);
        assertEquals((3 + 1) * N, Files.readAllLines(out).size() - 1, "member 1: steps 30..50, member 2: step 30");
        assertTrue(rows.get(0).startsWith("1,30,"), rows.get(0));
        assertTrue(rows.get(3 * N).startsWith("2,30,"), rows.get(3 * N));
    }

    @Test
    void npyHoldsMemberByRecordByIndexValuesPlusTimesAndSteps() throws IOException {
        Path out = root.resolve("traj.npy");
        ExportSummary summary = session.exporter().export(RUN, ExportOptions.all(ExportFormat.NPY), out);
        assertEquals(List.of(out, root.resolve("traj.times.npy"), root.resolve("traj.steps.npy")), summary.files());

        NpyFile values = NpyFile.read(out);
        assertEquals("<f8", values.descr());
        assertArrayEquals(new long[] {3, 6, N}, values.shape());
        NpyFile times = NpyFile.read(root.resolve("traj.times.npy"));
        assertArrayEquals(new long[] {3, 6}, times.shape());
        NpyFile steps = NpyFile.read(root.resolve("traj.steps.npy"));
        assertEquals("<i8", steps.descr());
        for (int member = 0; member < 3; member++) {
            for (int record = 0; record < 6; record++) {
                long flat = member * 6L + record;
                boolean padded = member == 2 && record >= 4;
                long step = 10L * record;
                assertEquals(padded ? -1 : step, steps.longAt(flat));
                assertEquals(padded ? Double.NaN : 0.01 * step, times.doubleAt(flat));
                for (int i = 0; i < N; i++) {
                    assertEquals(padded ? Double.NaN : value(member, step, i), values.doubleAt(flat * N + i));
                }
            }
        }
    }

    @Test
    void npyFromAStepKeepsOnlyLaterRecords() throws IOException {
        Path out = root.resolve("late");
        session.exporter().export(RUN, new ExportOptions(ExportFormat.NPY, MemberRange.parse("0"), 40), out);
        NpyFile values = NpyFile.read(out);
        assertArrayEquals(new long[] {1, 2, N}, values.shape());
        assertEquals(value(0, 40, 0), values.doubleAt(0));
        assertEquals(50, NpyFile.read(root.resolve("late.steps.npy")).longAt(1));
    }

    @Test
    void badRequestsAreRefusedInOneLine() {
        var unknown = assertThrows(JournalException.class,
                () -> session.exporter().export("no-such-run", ExportOptions.all(ExportFormat.CSV), root.resolve("x.csv")));
        assertTrue(unknown.getMessage().contains("unknown run id \"no-such-run\""), unknown.getMessage());
        var range = assertThrows(JournalException.class, () -> session.exporter()
                .export(RUN, new ExportOptions(ExportFormat.CSV, MemberRange.parse("5-9"), 0), root.resolve("y.csv")));
        assertTrue(range.getMessage().contains("no member in 5-9"), range.getMessage());
        assertThrows(JournalException.class, () -> MemberRange.parse("3-1"));
        assertThrows(JournalException.class, () -> MemberRange.parse("a-b"));
        assertThrows(JournalException.class, () -> ExportFormat.parse("xlsx"));
        assertTrue(Files.notExists(root.resolve("x.csv")));
    }
}
