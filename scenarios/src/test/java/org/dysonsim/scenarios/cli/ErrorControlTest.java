package org.dysonsim.scenarios.cli;

import org.dysonsim.scenarios.RunDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.actors.MemberTrajectory;
import org.dysonsim.actors.RunListener;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalSession;
import org.dysonsim.scenarios.JournalRun;
import org.dysonsim.scenarios.StoredRun;
import org.dysonsim.scenarios.run.ActorEngine;
import org.dysonsim.scenarios.report.RecordedRun;
import org.dysonsim.scenarios.report.rendering.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step-size error control through {@code dyson}: the h/2 companion is recorded beside the run,
 * coupled to it, judged in the report, continued by resume and recomputed by replay.
 */
class ErrorControlTest {
    private static final String HARMONIC = "n = 3\nsteps = 40\ndt = 0.01\nrecord-every = 10\nensemble.members = 5\n"
            + "noise.g2 = 0.5\ndrift { kind = harmonic, centre = 4.0, stiffness = 1.0 }\n"
            + "init { kind = marchenko-pastur, sigma2 = 0.5 }\n";

    private record Run(String id, Config report, Path data) {}

    private static Run run(Path dir, String name, String scenario) throws IOException {
        Path file = Files.createDirectories(dir).resolve(name + ".conf");
        Files.writeString(file, "name = " + name + "\n" + scenario);
        Path data = dir.resolve("runs");
        InProcessDyson.Result r = InProcessDyson.run("run", file.toString(), "--data-dir", data.toString(), "--quiet");
        String id = r.out().lines().filter(l -> l.startsWith("report: ")).findFirst().map(l -> Path.of(l.substring(8)))
                .orElseThrow(() -> new AssertionError(r.err())).getParent().getFileName().toString();
        return new Run(id, ConfigFactory.parseFile(data.resolve(id).resolve(RunDirectory.REPORT_JSON).toFile()), data);
    }

    private static List<? extends Config> stepBias(Config report) {
        return report.getConfigList("comparisons").stream().filter(c -> c.getString("name").startsWith("step bias: ")).toList();
    }

    @Test
    void aCompanionAtHalfTheStepIsRecordedCoupledAndJudged(@TempDir Path dir) throws IOException {
        Run run = run(dir, "checked", HARMONIC + "error-control.members = 3\n");
        Config ec = run.report().getConfig("error_control");
        assertEquals("checked", ec.getString("mode"));
        assertEquals(3, ec.getInt("members"));
        // per level mean and variance, pooled mean and variance, three CDF quartiles
        assertEquals(2 * 3 + 2 + 3, stepBias(run.report()).size());
        assertTrue(stepBias(run.report()).stream().allMatch(c -> c.getString("verdict").equals("pass")), run.report().root().render());
        // 5 members × 3 levels are too few for the spectrum's KS comparisons to catch a twofold width: inconclusive, not failed
        assertEquals("inconclusive", run.report().getString("verdict"), run.report().root().render());

        String listed = InProcessDyson.run("list", "--data-dir", run.data().toString()).out();
        assertTrue(listed.lines().skip(1).allMatch(l -> l.split("\\s+")[3].equals("5")), "the companion adds no members: " + listed);
        try (JournalSession session = JournalSession.openForReading(run.data(), ConfigFactory.empty())) {
            RecordedRun coarse = JournalRun.recorded(session.reader(), run.id());
            RecordedRun fine = JournalRun.recordedFine(session.reader(), coarse.spec()).orElseThrow();
            List<MemberTrajectory> coarseMembers = new ArrayList<>(), fineMembers = new ArrayList<>();
            coarse.members().forEach(coarseMembers::add);
            fine.members().forEach(fineMembers::add);
            assertEquals(List.of(0, 1, 2), fineMembers.stream().map(MemberTrajectory::member).toList());
            assertEquals(1, fine.spec().rule().refinement());
            for (MemberTrajectory f : fineMembers) {
                MemberTrajectory c = coarseMembers.get(f.member());
                assertEquals(c.steps().length, f.steps().length);
                double[] xc = c.values()[c.values().length - 1], xf = f.values()[f.values().length - 1];
                for (int i = 0; i < xc.length; i++) {
                    // same Brownian path: the runs differ by the O(h) bias, not by the O(√t) noise of another path
                    assertTrue(Math.abs(xc[i] - xf[i]) < 0.05, "member " + f.member() + " level " + i + ": " + xc[i] + " vs " + xf[i]);
                }
            }
        }

        String live = Files.readString(run.data().resolve(run.id()).resolve(RunDirectory.REPORT_JSON));
        assertEquals(Main.OK, InProcessDyson.run("replay", run.id(), "--data-dir", run.data().toString()).exit());
        assertEquals(live, Files.readString(run.data().resolve(run.id()).resolve(RunDirectory.REPORT_JSON)), "replay recomputes it");
        assertEquals(Main.OK, InProcessDyson.run("resume", run.id(), "--data-dir", run.data().toString(), "--quiet").exit());
        assertEquals(live, Files.readString(run.data().resolve(run.id()).resolve(RunDirectory.REPORT_JSON)),
                "resuming a completed run re-runs nothing, companion included");
    }

    @Test
    void resumeRunsTheCompanionOfARunStoppedBeforeIt(@TempDir Path dir) throws IOException {
        Run uninterrupted = run(dir.resolve("a"), "resumed", HARMONIC + "error-control.members = 2\n");
        // the same run as a process killed after its members completed, before its companion started
        DataDirectory data = DataDirectory.createOrOpen(dir.resolve("b"));
        Path runDir = Files.createDirectories(data.runDirectory(uninterrupted.id()));
        Files.copy(uninterrupted.data().resolve(uninterrupted.id()).resolve(RunDirectory.SCENARIO), runDir.resolve(RunDirectory.SCENARIO));
        RunSpec spec = StoredRun.read(uninterrupted.data(), ConfigFactory.empty(), uninterrupted.id());
        try (ActorEngine engine = ActorEngine.recording(data)) {
            assertTrue(engine.run(spec, RunListener.NONE).succeeded());
        }
        InProcessDyson.Result resume = InProcessDyson.run("resume", uninterrupted.id(), "--data-dir", data.root().toString(), "--quiet");
        assertEquals(Main.OK, resume.exit(), resume.err());
        assertEquals(Files.readString(uninterrupted.data().resolve(uninterrupted.id()).resolve(RunDirectory.REPORT_JSON)),
                Files.readString(runDir.resolve(RunDirectory.REPORT_JSON)), "the same report, error control included");
        assertEquals("checked", ConfigFactory.parseFile(runDir.resolve(RunDirectory.REPORT_JSON).toFile()).getString("error_control.mode"));
    }

    @Test
    void aDeliberatelyCoarseStepFailsItsErrorControl(@TempDir Path dir) throws IOException {
        // power: a fixed step h = 1.5/Ω, where the explicit harmonic part alone has the stationary variance
        // g²/(Ω(1 − Ωh/2)) = 4g²/Ω against 1.07 g²/Ω at h/2; the two-mode density and Wigner checks still pass here
        Run run = run(dir, "coarse", "n = 2\nsteps = 12\ndt = 1.5\nrecord-every = 12\nensemble.members = 64\n"
                + "step.adaptive = false\nnoise.g2 = 0.5\ndrift { kind = harmonic, centre = 0.0, stiffness = 1.0 }\n"
                + "init { kind = explicit, values = [-1, 1] }\nerror-control.members = 64\n");
        assertEquals("fail", run.report().getString("verdict"));
        assertTrue(stepBias(run.report()).stream().anyMatch(c -> c.getString("name").startsWith("step bias: variance")
                && c.getString("verdict").equals("fail")), run.report().root().render());
    }

    @Test
    void sgdReportsItsStepBiasForInformationAndCirRunsNoCompanion(@TempDir Path dir) throws IOException {
        Run sgd = run(dir, "sgd", "model = sgd\nn = 3\nsteps = 30\nrecord-every = 10\nensemble.members = 4\n"
                + "sgd { alpha = 0.01, batch = 2 }\ndrift { kind = harmonic, centre = 4.0, stiffness = 1.0 }\n"
                + "init { kind = marchenko-pastur, sigma2 = 0.5 }\n");
        Config ec = sgd.report().getConfig("error_control");
        assertEquals("information", ec.getString("mode"));
        // every statistic at the last record, and one line for each earlier record but t = 0 (steps 10 and 20)
        assertEquals(2 * 3 + 2 + 3 + 2, ec.getConfigList("differences").size());
        assertEquals(2, ec.getConfigList("differences").stream().filter(d -> d.getString("name").equals("step bias over time")).count());
        assertTrue(ec.getConfigList("differences").stream().allMatch(d -> d.getString("verdict").equals("information")));
        assertTrue(stepBias(sgd.report()).isEmpty(), "information does not enter the verdict");

        Run cir = run(dir, "cir", "model = cir\nn = 2\nsteps = 20\ndt = 0.05\nrecord-every = 10\nensemble.members = 4\n"
                + "init { kind = explicit, values = [0.5, 1.5] }\n");
        assertEquals("exact", cir.report().getString("error_control.mode"));
        assertTrue(stepBias(cir.report()).isEmpty());
        try (JournalSession session = JournalSession.openForReading(cir.data(), ConfigFactory.empty())) {
            assertTrue(session.reader().fineMembers(cir.id()).isEmpty(), "no companion recorded");
        }

        Run off = run(dir, "off", HARMONIC + "error-control.members = 0\n");
        assertEquals("off", off.report().getString("error_control.mode"));
        assertFalse(off.report().hasPath("error_control.members"));
    }
}
