package org.dysonsim.scenarios.cli;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code ./dyson} as a real subprocess, after the package phase (failsafe sets
 * DYSON_NO_BUILD=1 so the script uses the freshly packaged jar).
 */
class DysonIT {
    private static final Path ROOT = DysonProcess.ROOT;

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    private Outcome dyson(String... args) throws IOException, InterruptedException {
        Process p = DysonProcess.builder(dir, "dyson", List.of(args)).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "dyson did not finish");
        return new Outcome(p.exitValue(), Files.readString(dir.resolve("dyson.out")), Files.readString(dir.resolve("dyson.err")));
    }

    /** The run directories of a data directory (those holding a resolved scenario; not the journal). */
    private static List<Path> runDirs(Path data) throws IOException {
        if (!Files.isDirectory(data)) return List.of();
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(p -> Files.exists(p.resolve("scenario.conf"))).sorted().toList();
        }
    }

    private static Config report(Path run) throws IOException {
        return ConfigFactory.parseString(Files.readString(run.resolve("report.json")));
    }

    @Test
    void quickstartRunsFromAnyDirectoryAndWritesASaneReport() throws Exception {
        Outcome o = dyson("run", ROOT.resolve("scenarios/quickstart.conf").toString(), "--data-dir", "out");
        assertEquals(0, o.exit(), o.err());
        List<Path> runs = runDirs(dir.resolve("out"));
        assertEquals(1, runs.size());
        Path run = runs.get(0);
        assertTrue(o.out().contains("report: " + Path.of("out").resolve(run.getFileName()).resolve("report.html")), o.out());
        for (String f : List.of("scenario.conf", "report.json", "report.html", "density-final.png", "density-final.svg",
                "density-initial.png", "trajectories.png", "trajectories.svg")) {
            assertTrue(Files.size(run.resolve(f)) > 100, f);
        }
        Config r = report(run);
        assertEquals("completed", r.getString("status"));
        assertEquals(16, r.getInt("n"));
        assertEquals(32, r.getInt("members"));
        Config mean = r.getConfigList("statistics").get(0);
        Config variance = r.getConfigList("statistics").get(1);
        List<Double> m = mean.getDoubleList("value");
        List<Double> v = variance.getDoubleList("value");
        assertEquals(m.size(), r.getConfigList("statistics").get(0).getDoubleList("t").size());
        // MP start (M = 32, σ² = 0.5) has mean Mσ² = 16, the well is centred there: the mean stays near 16
        for (double x : m) assertTrue(Math.abs(x - 16) < 2, "mean " + x);
        // the harmonic well contracts the wide MP spectrum (variance ≈ 130 at t = 0)
        assertTrue(v.get(v.size() - 1) < 0.5 * v.get(0), "variance " + v);
        assertTrue(r.getConfigList("statistics").get(2).getDouble("value") > 0, "min gap");
        Config mp = r.getConfigList("comparisons").get(0);
        assertEquals("KS distance", mp.getString("statistic"));
        assertEquals("pass", mp.getString("verdict"));
        assertTrue(Files.readString(run.resolve("report.html")).contains("density-final.png"));
    }

    @Test
    void threeRunsStartedAtOnceIntoOneNewDataDirectoryAllComplete() throws Exception {
        // Same scenario, same second: one data directory created, one run id each, one H2 file
        // opened by three processes at once and served on as each of them exits.
        List<Process> processes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            processes.add(DysonProcess.builder(dir, "at-once-" + k, List.of("run",
                    ROOT.resolve("scenarios/quickstart.conf").toString(), "--data-dir", "shared", "--quiet")).start());
        }
        for (int k = 0; k < 3; k++) {
            assertTrue(processes.get(k).waitFor(5, TimeUnit.MINUTES), "run " + k + " did not finish");
            assertEquals(0, processes.get(k).exitValue(), Files.readString(dir.resolve("at-once-" + k + ".err")));
            String err = Files.readString(dir.resolve("at-once-" + k + ".err"));
            // a neighbour's exit fails one write of each member, which is retried without alarm
            assertFalse(err.contains(" ERROR ") || err.contains(" WARN "), "nothing alarming on stderr: " + err);
        }
        List<Path> runs = runDirs(dir.resolve("shared"));
        assertEquals(3, runs.size(), runs.toString());
        for (Path run : runs) assertEquals("completed", report(run).getString("status"), run.toString());
        Outcome list = dyson("list", "--data-dir", "shared");
        assertEquals(0, list.exit(), list.err());
        assertEquals(3, list.out().lines().filter(l -> l.contains("completed")).count(), list.out());
    }

    @Test
    void badScenarioExitsTwoWithExactlyOneLineAndWritesNothing() throws Exception {
        Files.writeString(dir.resolve("bad.conf"), "n = 4\ndrift { kind = rbm, mu2 = 0.5 }\n");
        Outcome o = dyson("run", "bad.conf", "--data-dir", "out");
        assertEquals(2, o.exit());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("dyson: bad.conf: drift.mu2: "), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void setChangesTheResolvedScenario() throws Exception {
        Files.writeString(dir.resolve("s.conf"), "name = s\nn = 3\nsteps = 10\ninit { kind = explicit, values = [0, 1, 2] }\n");
        Outcome o = dyson("run", "s.conf", "--data-dir", "out", "--set", "steps=30", "--set", "noise.g2=0.25", "--quiet");
        assertEquals(0, o.exit(), o.err());
        assertEquals("", o.err());
        Path run = runDirs(dir.resolve("out")).get(0);
        Config resolved = ConfigFactory.parseFile(run.resolve("scenario.conf").toFile());
        assertEquals(30, resolved.getInt("steps"));
        assertEquals(0.25, resolved.getDouble("noise.g2"));
        assertEquals(30, report(run).getInt("steps"));
    }

    @Test
    void sweepRunsEveryCombinationAsARunOfOneStudy() throws Exception {
        Files.writeString(dir.resolve("sw.conf"), "name = sw\nn = 2\nsteps = 10\ninit { kind = explicit, values = [0, 1] }\n"
                + "sweep { noise.g2 = [0.5, 1.0], seed = [1, 2] }\n");
        Outcome o = dyson("run", "sw.conf", "--data-dir", "out");
        assertEquals(0, o.exit(), o.err());
        List<Path> runs = runDirs(dir.resolve("out"));
        assertEquals(4, runs.size());
        String study = report(runs.get(0)).getString("study");
        List<String> seen = new ArrayList<>();
        for (Path run : runs) {
            assertTrue(run.getFileName().toString().startsWith(study + "-s"), run.toString());
            assertEquals(study, report(run).getString("study"));
            Config c = ConfigFactory.parseFile(run.resolve("scenario.conf").toFile());
            seen.add(c.getDouble("noise.g2") + "/" + c.getLong("seed"));
        }
        assertEquals(List.of("0.5/1", "0.5/2", "1.0/1", "1.0/2"), seen);
        // when stderr is not a terminal: one progress line per run, then one line with its report's time
        assertEquals(4, o.err().lines().filter(l -> l.matches(".*: completed, 10 steps × 1 members of n = 2, [0-9.]+ s")).count(), o.err());
        assertEquals(4, o.err().lines().filter(l -> l.matches(".*: report written in [0-9.]+ s")).count(), o.err());
        assertEquals(8, o.err().lines().count(), o.err());
    }

    @Test
    void aMatrixScenarioRunsListsExportsAndReplaysLikeAParticleRun() throws Exception {
        Outcome o = dyson("run", ROOT.resolve("scenarios/wishart-noise.conf").toString(), "--data-dir", "out",
                "--set", "steps=40", "--set", "ensemble.members=4", "--quiet");
        assertEquals(0, o.exit(), o.err());
        Path run = runDirs(dir.resolve("out")).get(0);
        Config r = report(run);
        assertEquals("completed", r.getString("status"));
        assertEquals("MatrixModel", r.getString("model"));
        assertEquals(8, r.getInt("n"));
        assertTrue(Files.size(run.resolve("density-final.png")) > 100);
        String runId = run.getFileName().toString();

        Outcome list = dyson("list", "--data-dir", "out");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().lines().anyMatch(line -> line.startsWith(runId)), list.out());

        Outcome export = dyson("export", runId, "--format", "csv", "--out", "m.csv", "--data-dir", "out");
        assertEquals(0, export.exit(), export.err());
        List<String> rows = Files.readAllLines(dir.resolve("m.csv"));
        assertEquals("member,step,t,index,value", rows.get(0));
        // records at steps 0, 20, 40 (record-every = 20) of 4 members, 8 eigenvalues each: the spectra only
        assertEquals(1 + 4 * 3 * 8, rows.size());

        Path json = run.resolve("report.json");
        String live = Files.readString(json);
        assertTrue(r.hasPath("monitoring") && r.hasPath("forecast"), "a matrix report monitors and forecasts");
        Files.delete(json);
        Outcome replay = dyson("replay", runId, "--data-dir", "out");
        assertEquals(0, replay.exit(), replay.err());
        assertEquals(live, Files.readString(json), "replay recomputes the same report.json, monitoring and forecast too");
    }

    @Test
    void aBadMatrixKeyExitsTwoWithOneLineNamingIt() throws Exception {
        Files.writeString(dir.resolve("bad.conf"), "model = matrix\nn = 4\nsgd.momentum = 1.5\n");
        Outcome o = dyson("run", "bad.conf", "--data-dir", "out");
        assertEquals(2, o.exit());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("dyson: bad.conf: sgd.momentum: "), o.err());
        Files.writeString(dir.resolve("typo.conf"), "model = matrix\nn = 4\nmatrix.row = 8\n");
        Outcome typo = dyson("run", "typo.conf", "--data-dir", "out");
        assertEquals(2, typo.exit());
        assertEquals(1, typo.err().lines().count(), typo.err());
        assertTrue(typo.err().contains("matrix.rows"), "did you mean: " + typo.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
