package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.GasModel;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.report.MemberSource;
import org.dysonsim.scenarios.report.RecordSlices;
import org.dysonsim.scenarios.report.RecordedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report reads its members one at a time, in a few passes, and says what it says of them all in memory. */
class StreamedReportTest {
    private static final int N = 2, MEMBERS = 40, RECORDS = 6;

    @TempDir
    Path dir;

    private static RunSpec spec() {
        double[] one = {1, 1};
        GasModel gas = new GasModel(one, one, new double[N], new Drift.Zero(), Wall.NONE, Wall.NONE);
        return new RunSpec("streamed", "streamed", "drift.kind = zero", gas, new InitialSpectrum.MarchenkoPastur(4, N, 1.0),
                StepSizeRule.fixed(), 0.25, 5 * (RECORDS - 1), 5, 1, MEMBERS, 1, RunSpec.Coordinates.EIGENVALUES);
    }

    /** Member m's two ordered levels spreading from ±1 with a wobble of its own: made anew each time it is asked for. */
    private static MemberTrajectory member(int m) {
        long[] steps = new long[RECORDS];
        double[] times = new double[RECORDS];
        double[][] values = new double[RECORDS][N];
        for (int k = 0; k < RECORDS; k++) {
            steps[k] = 5L * k;
            times[k] = 1.25 * k;
            for (int i = 0; i < N; i++) values[k][i] = 3 + (2 * i - 1) * (1 + 0.3 * k) + 0.4 * Math.sin(7.0 * m + 3.0 * k + i);
        }
        return new MemberTrajectory(m, steps, times, values);
    }

    /** Hands over freshly made members and counts the passes. */
    private static final class CountingSource implements MemberSource {
        int passes;

        @Override
        public void forEach(java.util.function.Consumer<MemberTrajectory> each) {
            passes++;
            for (int m = 0; m < MEMBERS; m++) each.accept(member(m));
        }
    }

    @Test
    void aStreamedRunReportsWhatTheSameRunInMemoryReports() throws IOException {
        List<MemberTrajectory> all = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) all.add(member(m));
        Path inMemory = Files.createDirectories(dir.resolve("memory"));
        RunReport.write(inMemory, RecordedRun.of(new RunResult(spec(), all, null)), "study");
        CountingSource source = new CountingSource();
        Path streamed = Files.createDirectories(dir.resolve("streamed"));
        RunReport.write(streamed, new RecordedRun(spec(), null, source), "study");

        String json = Files.readString(streamed.resolve(RunDirectory.REPORT_JSON));
        assertEquals(Files.readString(inMemory.resolve(RunDirectory.REPORT_JSON)), json);
        assertTrue(json.contains("Marchenko"), "the initial spectrum is compared with its law");
        assertTrue(json.contains("min_gap"), json);
        // one pass for the statistics, starts and ends; one for every compared record (they fit in one)
        assertEquals(2, source.passes);
    }

    @Test
    void recordsAreReadInBatchesThatFitTheBudget() {
        SortedSet<Integer> records = new TreeSet<>(IntStream.range(0, 10).boxed().toList());
        // 1024 members of 1024 levels fill the budget with one record: one pass per record
        List<SortedSet<Integer>> large = RecordSlices.batches(1024, 1024, records);
        assertEquals(10, large.size());
        assertEquals(new TreeSet<>(List.of(9)), large.get(9));
        List<SortedSet<Integer>> half = RecordSlices.batches(512, 1024, records);
        assertEquals(5, half.size());
        assertEquals(List.of(records), RecordSlices.batches(40, 4, records));
    }

    @Test
    void aSliceHoldsTheRecordOfEveryMemberThatHasIt() {
        List<MemberTrajectory> members = List.of(member(3),
                new MemberTrajectory(5, new long[] {0}, new double[] {0}, new double[][] {{9, 9}}),
                new MemberTrajectory(6, new long[0], new double[0], new double[0][]), member(8));
        var slices = RecordSlices.read(MemberSource.of(members), new TreeSet<>(List.of(-1, 2)));
        assertArrayEquals(new int[] {3, 8}, slices.get(2).member());
        assertArrayEquals(new int[] {0, 2}, slices.get(2).index());
        assertArrayEquals(member(8).values()[2], slices.get(2).positions()[1]);
        assertArrayEquals(new int[] {3, 5, 8}, slices.get(-1).member());
        assertArrayEquals(new double[] {9, 9}, slices.get(-1).positions()[1]);
    }
}
