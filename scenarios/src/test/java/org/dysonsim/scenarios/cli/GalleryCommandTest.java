package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dyson gallery --quick} end to end on one claim (the whole quick gallery takes minutes), and its bad input. */
class GalleryCommandTest {
    private static final Path SCENARIOS = Path.of("").toAbsolutePath().getParent().resolve("scenarios");

    @TempDir
    Path temp;

    @Test
    void quickGalleryRunsTheClaimsScenarioThenReusesItsRun() throws Exception {
        Path data = temp.resolve("runs");
        String[] args = {"gallery", "--quick", "--claims", "marchenko-pastur", "--data-dir", data.toString(),
                "--scenarios", SCENARIOS.toString()};
        InProcessDyson.Result first = InProcessDyson.run(args);
        assertEquals(Main.OK, first.exit(), first.err());
        assertTrue(first.err().startsWith("gallery: claim 1/1: marchenko-pastur: running "), first.err());
        Path page = Path.of(first.out().strip());
        assertEquals(data.resolve("gallery").resolve("gallery.html"), page);
        String html = Files.readString(page);
        // 4 members × 16 levels: KS threshold 0.31, too wide to catch a twofold width (0.16)
        assertTrue(html.contains("class=\"verdict inconclusive\""), html);
        assertTrue(html.contains("./dyson run scenarios/quickstart.conf --set ensemble.members=4"), html);

        InProcessDyson.Result again = InProcessDyson.run(args);
        assertEquals(Main.OK, again.exit(), again.err());
        assertTrue(again.err().startsWith("gallery: claim 1/1: marchenko-pastur: reusing quickstart-"), again.err());
    }

    @Test
    void anUnwritableOutIsOneLineAndExitCode2() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "");
        InProcessDyson.Result r = InProcessDyson.run("gallery", "--out", file.resolve("sub").toString(),
                "--data-dir", temp.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("dyson: --out ") && r.err().strip().lines().count() == 1, r.err());
    }

    @Test
    void anUnknownOptionOrClaimIsOneLineAndExitCode2() {
        InProcessDyson.Result option = InProcessDyson.run("gallery", "--fast");
        assertEquals(Main.BAD_INPUT, option.exit());
        assertEquals(1, option.err().strip().lines().count(), option.err());
        InProcessDyson.Result claim = InProcessDyson.run("gallery", "--claims", "nope", "--data-dir", temp.resolve("runs").toString());
        assertEquals(Main.BAD_INPUT, claim.exit());
        assertTrue(claim.err().startsWith("dyson: --claims: unknown claim 'nope'"), claim.err());
    }
}
