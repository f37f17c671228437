package org.dysonsim.scenarios.report.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunResult;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.physics.gas.Drift;
import org.dysonsim.physics.gas.StepSizeRule;
import org.dysonsim.physics.gas.Wall;
import org.dysonsim.physics.init.InitialSpectrum;
import org.dysonsim.physics.init.RandomTridiagonals;
import org.dysonsim.physics.laws.GoeEdge;
import org.dysonsim.physics.rng.CounterRng;
import org.dysonsim.scenarios.ModelMapping;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.analyses.EdgeScalingStudy.EdgeScalingFit;
import org.dysonsim.scenarios.report.analyses.EdgeScalingStudy.NotAnalysed;
import org.dysonsim.scenarios.report.rendering.StudyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge-scaling study on exact GOE spectra (the β-Hermite sampler of the start {@code init.kind = goe})
 * at the equilibrium of a unit well, N = 32, 64, 128, 160 members each: the N^(−2/3) law passes on the
 * fixed support. Its power, on synthetic largest eigenvalues (the edge plus √v N^(−1/6) times a Gaussian of
 * F₁'s mean and variance, 160 members at N = 32, 512, 8192): the N^(−2/3) law passes with a slope error
 * ≤ 0.05, and the same draws with sd ∝ N^(−1/2) on the fixed support fail it. Sweeps it cannot
 * read say why.
 */
class EdgeScalingStudyTest {
    private static final int[] SIZES = {32, 64, 128};
    private static final int MEMBERS = 160;
    private static final double SIGMA2 = 0.5, T = 0.0;
    private static final long SEED = 11;
    /** Per size, every member's spectrum. */
    private static final List<double[][]> SPECTRA = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void sample() {
        for (int n : SIZES) {
            double[][] members = new double[MEMBERS][];
            for (int m = 0; m < MEMBERS; m++) members[m] = RandomTridiagonals.hermite(n, SIGMA2, SEED + n, m);
            SPECTRA.add(members);
        }
    }

    private static RunSpec spec(int n, InitialSpectrum init, String extra) {
        double[] g2 = new double[n], centre = new double[n], stiffness = new double[n];
        Arrays.fill(g2, 2 * SIGMA2);
        Arrays.fill(stiffness, 1.0);
        return new RunSpec("edge-n" + n, "edge", "model = coulomb\nn = " + n + "\n" + extra,
                ModelMapping.coulomb(g2, new Drift.Harmonic(centre, stiffness), Wall.NONE, Wall.NONE), init, StepSizeRule.fixed(),
                0.001, 1, 1, SEED, MEMBERS, 64, RunSpec.Coordinates.EIGENVALUES);
    }

    /** A run of size {@code SIZES[k]} holding the sampled spectra, every level mapped by {@code map} (increasing), recorded at t = T. */
    private static RecordedRun run(int k, int members, InitialSpectrum init, String extra, DoubleUnaryOperator map) {
        int n = SIZES[k];
        List<MemberTrajectory> out = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            double[] x = Arrays.stream(SPECTRA.get(k)[m]).map(map).toArray();
            out.add(new MemberTrajectory(m, new long[] {0}, new double[] {T}, new double[][] {x}));
        }
        return RecordedRun.of(new RunResult(spec(n, init, extra), out, null));
    }

    private static List<RecordedRun> goeSweep() {
        List<RecordedRun> runs = new ArrayList<>();
        for (int k = 0; k < SIZES.length; k++) runs.add(run(k, MEMBERS, new InitialSpectrum.Goe(SIZES[k], SIGMA2), "", x -> x));
        return runs;
    }

    /**
     * Runs whose members record their largest eigenvalue alone: edge + √v N^(−1/6)·(N/32)^(extra)·χ with χ
     * Gaussian of F₁'s mean and variance, the same draws at every size.
     */
    private static List<RecordedRun> syntheticSweep(double extra) {
        List<RecordedRun> runs = new ArrayList<>();
        for (int n : new int[] {32, 512, 8192}) {
            GoeEdge edge = new GoeEdge(n, SIGMA2, 0.0);
            double scale = edge.scale() * Math.pow(n / 32.0, extra);
            List<MemberTrajectory> members = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                double chi = EdgeScalingStudy.F1_MEAN + Math.sqrt(EdgeScalingStudy.F1_VARIANCE) * CounterRng.gaussian(SEED, m, 0, 0, 0);
                members.add(new MemberTrajectory(m, new long[] {0}, new double[] {T}, new double[][] {{edge.centre() + scale * chi}}));
            }
            runs.add(RecordedRun.of(new RunResult(spec(n, new InitialSpectrum.Goe(n, SIGMA2), ""), members, null)));
        }
        return runs;
    }

    @Test
    void exactGoeSpectraFollowTheTwoThirdsLawOnTheFixedSupport() throws Exception {
        EdgeScalingFit fit = assertInstanceOf(EdgeScalingFit.class, EdgeScalingStudy.of(goeSweep()));
        System.out.printf("edge scaling of exact GOE samples: slope %.4f ± %.4f, χ² %.2f%n", fit.line().slope(), fit.line().slopeSe(),
                fit.line().chiSquared());
        assertTrue(fit.pass(), fit.toString());
        for (EdgeScalingStudy.Point p : fit.points()) {
            assertEquals(MEMBERS, p.members());
            assertEquals(p.sd() / Math.sqrt(SIGMA2 * p.n()), p.scaled(), 1e-15);
            assertTrue(Math.abs(p.meanOffset() - p.predictedMeanOffset()) <= 5 * p.meanOffsetSe(), p.toString());
        }
        StudyReport.Written written = StudyReport.write(dir.resolve("edge"), "edge", goeSweep());
        Config json = ConfigFactory.parseFile(written.json().orElseThrow().toFile());
        assertEquals("pass", json.getString("verdict"));
        assertEquals(fit.line().slope() + 0.5, json.getDouble("fit.slope_in_tool_units"), 1e-12);
        assertEquals(3, json.getConfigList("points").size());
        assertTrue(Files.isRegularFile(dir.resolve("edge/edge-scaling.png")));
        String page = Files.readString(StudyReport.page(dir.resolve("edge")));
        assertTrue(page.contains("edge-scaling.png") && page.contains("exponent: log sd"), page);
    }

    @Test
    void fluctuationsFallingAsNToTheMinusOneHalfFailIt() {
        EdgeScalingFit right = assertInstanceOf(EdgeScalingFit.class, EdgeScalingStudy.of(syntheticSweep(0.0)));
        EdgeScalingFit wrong = assertInstanceOf(EdgeScalingFit.class, EdgeScalingStudy.of(syntheticSweep(1.0 / 6.0)));
        System.out.printf("edge scaling of synthetic edges: slope %.4f ± %.4f; with sd ∝ N^(−1/2): %.4f ± %.4f%n",
                right.line().slope(), right.line().slopeSe(), wrong.line().slope(), wrong.line().slopeSe());
        assertTrue(right.pass(), right.toString());
        assertTrue(right.line().slopeSe() <= 0.05, "slope SE " + right.line().slopeSe());
        assertFalse(wrong.exponentAsPredicted(), wrong.toString());
        assertEquals(-0.5, wrong.line().slope(), 5 * wrong.line().slopeSe());
    }

    @Test
    void sweepsItCannotReadSayWhy() throws Exception {
        List<RecordedRun> goe = goeSweep();
        List<RecordedRun> otherKey = new ArrayList<>(goe);
        otherKey.set(2, run(2, MEMBERS, new InitialSpectrum.Goe(SIZES[2], SIGMA2), "noise.g2 = 2.0", x -> x));
        assertEquals("the runs differ in more than n (noise.g2), so the edge's width is no function of N alone", reason(otherKey));
        List<RecordedRun> explicit = new ArrayList<>(goe);
        explicit.set(0, run(0, MEMBERS, new InitialSpectrum.Explicit(SPECTRA.get(0)[0]), "", x -> x));
        assertTrue(reason(explicit).startsWith("run edge-n32 is no GOE start"), reason(explicit));
        assertEquals("2 distinct values of n: a power law and its linearity need at least three", reason(goe.subList(0, 2)));
        List<RecordedRun> few = new ArrayList<>(goe);
        few.set(1, run(1, EdgeScalingStudy.MIN_MEMBERS - 1, new InitialSpectrum.Goe(SIZES[1], SIGMA2), "", x -> x));
        assertTrue(reason(few).startsWith("run edge-n64 has fewer than 8 recorded members"), reason(few));
        List<RecordedRun> failed = new ArrayList<>(goe);
        failed.set(0, new RecordedRun(goe.get(0).spec(), "diverged", goe.get(0).members()));
        assertEquals("run edge-n32 failed, so it has no largest eigenvalue", reason(failed));

        StudyReport.Written written = StudyReport.write(dir.resolve("other"), "other", otherKey);
        assertTrue(written.json().isEmpty());
        assertTrue(Files.readString(written.page()).contains("No edge-scaling study: the runs differ in more than n (noise.g2)"));
    }

    private static String reason(List<RecordedRun> runs) {
        return assertInstanceOf(NotAnalysed.class, EdgeScalingStudy.of(runs)).reason();
    }
}
