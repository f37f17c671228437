package org.dysonsim.scenarios.report.analyses;

import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.report.MatrixRun;
import org.dysonsim.scenarios.report.RecordSlice;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.predictions.RunStart;

/**
 * What one pass over a run's members gives its report: the ensemble statistics, every recorded
 * member's first and last snapshot (with the step of the last), and the first recorded member
 * (for its trajectory plot), at {@link #FIRST_MEMBER_RECORDS} of its records at most. Holds no more
 * than two snapshots per member besides.
 *
 * @param failure  null on success, else the run's one-line diagnostic
 * @param members  every member handed over, with or without a snapshot
 * @param start    record 0 of every member with a snapshot
 * @param finals   the last record of every member with a snapshot
 * @param lastStep the step of each of {@code finals}
 * @param first    the first member with a snapshot, null if none has one; of a member of more than
 *                 {@link #FIRST_MEMBER_RECORDS} records, that many spread evenly, its first and last
 *                 included, without gradient records
 * @param gradients whether members have snapshots and every one has gradient records (a matrix-level run)
 */
public record EnsembleSummary(RunSpec spec, String failure, int members, SpectrumStatistics stats, RecordSlice start,
                              RecordSlice finals, long[] lastStep, MemberTrajectory first,
                              boolean gradients) {

    /** Records of the first member kept at most: more than a figure can show, and a member of 10⁶ records is not held twice. */
    public static final int FIRST_MEMBER_RECORDS = 4000;

    public boolean succeeded() {
        return failure == null;
    }

    /** Members with at least one snapshot. */
    public int recorded() {
        return start.size();
    }

    /** The matrix run this is, empty for a particle-level run. */
    public java.util.Optional<MatrixRun> matrixRun() {
        return MatrixRun.of(spec, gradients);
    }

    public RunStart runStart() {
        return new RunStart(spec, start);
    }

    /** One pass over the run's members. */
    public static EnsembleSummary of(RecordedRun run) {
        RunSpec spec = run.spec();
        SpectrumStatistics.Accumulator stats = new SpectrumStatistics.Accumulator(spec);
        List<Integer> member = new ArrayList<>();
        List<double[]> start = new ArrayList<>(), last = new ArrayList<>();
        List<Long> lastStep = new ArrayList<>();
        int[] all = {0};
        MemberTrajectory[] first = {null};
        boolean[] gradients = {true};
        run.members().forEach(m -> {
            all[0]++;
            int records = m.values().length;
            if (records == 0) return;
            if (first[0] == null) first[0] = thinned(m);
            stats.add(m);
            if (m.gradients().isEmpty()) gradients[0] = false;
            member.add(m.member());
            start.add(m.values()[0]);
            last.add(m.values()[records - 1]);
            lastStep.add(m.steps()[records - 1]);
        });
        int[] index = new int[member.size()];
        for (int j = 0; j < index.length; j++) index[j] = j;
        int[] ids = member.stream().mapToInt(Integer::intValue).toArray();
        return new EnsembleSummary(spec, run.failure(), all[0], first[0] == null ? null : stats.result(),
                new RecordSlice(0, index, ids, start.toArray(new double[0][])),
                new RecordSlice(-1, index.clone(), ids.clone(), last.toArray(new double[0][])),
                lastStep.stream().mapToLong(Long::longValue).toArray(), first[0],
                first[0] != null && gradients[0]);
    }

    private static MemberTrajectory thinned(MemberTrajectory m) {
        if (m.steps().length <= FIRST_MEMBER_RECORDS) return m;
        int[] kept = org.dysonsim.scenarios.report.RecordSlices.spread(m.steps().length, FIRST_MEMBER_RECORDS);
        long[] steps = new long[kept.length];
        double[] times = new double[kept.length];
        double[][] values = new double[kept.length][];
        for (int k = 0; k < kept.length; k++) {
            steps[k] = m.steps()[kept[k]];
            times[k] = m.times()[kept[k]];
            values[k] = m.values()[kept[k]];
        }
        return new MemberTrajectory(m.member(), steps, times, values);
    }
}
