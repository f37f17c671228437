package org.dysonsim.scenarios.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dysonsim.physics.init.InitialSpectrum;

/**
 * Bounds the sizes a scenario asks for and estimates the heap its run needs, before anything is
 * sampled or written, so a scenario that cannot fit is one line naming the key to lower instead
 * of an out-of-memory error halfway through. The estimate counts what the engine holds while it
 * simulates (the members in flight at once, each with its state, its working copies, its data
 * set and the eigen-decomposition's workspace) and a per-member record for the whole ensemble;
 * recorded trajectories stream into the journal and are not counted while the run simulates.
 * The report, which reads each member's trajectory back whole, is estimated apart
 * ({@link #reportRefusal}). It errs on the generous side: it is a guard against orders of
 * magnitude, not a budget.
 */
public final class MemoryEstimate {
    /** Most members of one run. */
    public static final long MAX_MEMBERS = 1_000_000;
    /** Most eigenvalues (matrix: columns) of one system. */
    public static final long MAX_N = 1_000_000;
    /** Elements of the largest array the JVM can allocate. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** The actor system, the journal and the report writer before any run state. */
    static final long BASELINE_BYTES = 96L << 20;
    /** Per member of the ensemble, in flight or not: its result, progress and report entries. */
    static final long PER_MEMBER_BYTES = 4L << 10;

    private MemoryEstimate() {}

    /**
     * @param inFlight      members the engine simulates at once
     * @param workers       threads that may sample initial spectra at once
     * @param maxHeapBytes  what this JVM may allocate ({@link Runtime#maxMemory()})
     */
    public static void check(ScenarioValues v, int inFlight, int workers, long maxHeapBytes) {
        String model = v.text("model");
        long n = v.integer("n", 1, MAX_N);
        long members = v.integer("ensemble.members", 1, MAX_MEMBERS);
        long atOnce = Math.min(members, inFlight);
        long sampling = Math.min(atOnce, workers);
        Map<String, Long> bytes = new LinkedHashMap<>();
        bytes.put("ensemble.members", members * PER_MEMBER_BYTES);
        if (model.equals("matrix")) {
            long rows = v.isNull("matrix.rows") ? n : v.integer("matrix.rows", 1, Long.MAX_VALUE);
            long data = v.integer("data.size", 1, Long.MAX_VALUE);
            long batch = v.integer("sgd.batch", 1, Long.MAX_VALUE);
            String loss = v.text("loss.kind");
            long rowsByN = array(v, "matrix.rows", rows, "n", n);
            // W, momentum, gradient, the copies sent to the loss and kept for checkpoints, the top-k vectors
            add(bytes, "matrix.rows", atOnce * 8 * 6 * rowsByN);
            // WᵀW, its copy and the eigen-decomposition's workspace
            add(bytes, "n", atOnce * 8 * 3 * array(v, "n", n, "n", n));
            if (loss.equals("teacher-student")) {
                add(bytes, "data.size", atOnce * 8 * (array(v, "data.size", data, "matrix.rows", rows)
                        + array(v, "data.size", data, "n", n)));
                add(bytes, "matrix.rows", atOnce * 8 * rowsByN); // the teacher
            } else if (loss.equals("rbm-pcd")) {
                add(bytes, "data.size", atOnce * 8 * array(v, "data.size", data, "matrix.rows", rows));
                add(bytes, "sgd.batch", atOnce * 8 * array(v, "sgd.batch", batch, "matrix.rows", rows));
                add(bytes, "matrix.rows", atOnce * 8 * 3 * array(v, "matrix.rows", rows, "matrix.rows", rows)); // covariances, lattice modes
            }
        } else {
            add(bytes, "n", atOnce * 8 * 16 * n); // positions, the stepper's work arrays, far-field tiles
            if (!v.isNull("init.kind") && v.text("init.kind").equals("marchenko-pastur")) {
                long rows = v.isNull("init.rows") ? 2 * n : v.integer("init.rows", 1, Long.MAX_VALUE);
                if ((double) rows * n > InitialSpectrum.MarchenkoPastur.DENSE_LIMIT) {
                    // the bidiagonal β-Laguerre model and its singular values' work arrays: O(n)
                    add(bytes, "n", sampling * 8 * 4 * n);
                } else {
                    // W (rows × n) drawn for each member, then WᵀW, its copy and the workspace
                    add(bytes, "init.rows", sampling * 8 * rows * n);
                    add(bytes, "n", sampling * 8 * 3 * n * n);
                }
            } else if (!v.isNull("init.kind") && v.text("init.kind").equals("goe")) {
                // the β-Hermite tridiagonal (diagonal, off-diagonal) and the QL method's copies: O(n)
                add(bytes, "n", sampling * 8 * 4 * n);
            }
        }
        long total = BASELINE_BYTES;
        String largest = null;
        for (Map.Entry<String, Long> e : bytes.entrySet()) {
            total = saturatedAdd(total, e.getValue());
            if (largest == null || e.getValue() > bytes.get(largest)) largest = e.getKey();
        }
        if (total > maxHeapBytes) {
            throw v.error(largest, "the run needs about " + size(total) + " of memory (" + atOnce
                    + " member(s) at once), more than the " + size(maxHeapBytes) + " this JVM may use; lower "
                    + largest + " or give the JVM more (DYSON_JAVA_OPTS=-Xmx...)");
        }
        if (!model.equals("matrix")) {
            String report = reportRefusal(v.integer("steps", 1, Long.MAX_VALUE), v.integer("record-every", 1), n, maxHeapBytes);
            if (report != null) throw v.error("record-every", report + "; raise record-every or give the JVM more");
        }
    }

    /**
     * Null if the report of a run of {@code steps} recorded every {@code recordEvery} steps, of
     * {@code n} levels, fits in {@code maxHeapBytes}; else what it needs, in words. The report
     * reads each member's whole trajectory in turn (its arrays and one array per record, while
     * they grow) beside the ensemble's per-record statistics (sums, counts, times, then means and
     * variances); the simulation's state is gone by then, so this is checked on its own.
     */
    public static String reportRefusal(long steps, int recordEvery, long n, long maxHeapBytes) {
        long records = steps / recordEvery + (steps % recordEvery == 0 ? 1 : 2);
        long perRecord = (REPORT_RECORD_BYTES + 8 * n) * 3 / 2 + REPORT_STATISTICS_BYTES;
        long total = records > (Long.MAX_VALUE - BASELINE_BYTES) / perRecord ? Long.MAX_VALUE
                : BASELINE_BYTES + records * perRecord;
        if (total <= maxHeapBytes) return null;
        return "the report of " + records + " records per member of " + n + " level(s) needs about " + size(total)
                + " of memory, more than the " + size(maxHeapBytes) + " this JVM may use (DYSON_JAVA_OPTS=-Xmx...)";
    }

    /** A record of a member read back besides its levels: its step, its time, its array's header and reference. */
    private static final long REPORT_RECORD_BYTES = 8 + 8 + 16 + 4;
    /** The ensemble's statistics per recorded time while they are summed and once they are taken. */
    private static final long REPORT_STATISTICS_BYTES = 5 * 8 + 4 * 8;

    /**
     * {@code a × b} elements of one array, refused with one line when no Java array can hold them;
     * the line names the key of the larger factor.
     */
    private static long array(ScenarioValues v, String keyA, long a, String keyB, long b) {
        if (a > MAX_ARRAY / b) {
            throw v.error(a >= b ? keyA : keyB, keyA + " × " + keyB + " = " + a + " × " + b
                    + " values exceed the largest array the JVM can hold (" + MAX_ARRAY + ")");
        }
        return a * b;
    }

    private static void add(Map<String, Long> bytes, String key, long amount) {
        bytes.merge(key, Math.max(0, amount), MemoryEstimate::saturatedAdd);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format("%.1f GB", bytes / (double) (1L << 30));
        return String.format("%d MB", Math.max(1, bytes >> 20));
    }
}
