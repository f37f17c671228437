package org.dysonsim.scenarios.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader();

    private Path scenario(String text) throws IOException {
        Path f = dir.resolve("s.conf");
        Files.writeString(f, text);
        return f;
    }

    private ScenarioException failure(String text, String... overrides) throws IOException {
        Path f = scenario(text);
        return assertThrows(ScenarioException.class, () -> loader.load(f, List.of(overrides)));
    }

    @Test
    void fileValuesOverrideDefaultsAndDefaultsFillTheRest() throws IOException {
        Study study = loader.load(scenario("n = 5\ndrift.kind = harmonic"), List.of());
        Config c = study.runs().get(0);
        assertEquals(5, c.getInt("n"));
        assertEquals("harmonic", c.getString("drift.kind"));
        assertEquals("coulomb", c.getString("model"));
        assertTrue(study.sweepKeys().isEmpty());
    }

    @Test
    void setOverridesTheFileAndParsesHocon() throws IOException {
        Study study = loader.load(scenario("n = 5"), List.of("n=7", "noise.g2=[1, 2]", "name=\"a b\""));
        Config c = study.runs().get(0);
        assertEquals(7, c.getInt("n"));
        assertEquals(List.of(1.0, 2.0), c.getDoubleList("noise.g2"));
        assertEquals("a b", c.getString("name"));
    }

    @Test
    void unknownKeyIsNamedWithASuggestion() throws IOException {
        ScenarioException e = failure("n = 4\nrecord-evry = 3");
        assertEquals("record-evry", e.key());
        assertEquals("dyson: " + dir.resolve("s.conf") + ": record-evry: unknown key (did you mean record-every?)", e.line());
    }

    @Test
    void unknownKeyFromSetIsRejectedToo() throws IOException {
        ScenarioException e = failure("n = 4", "drift.stifness=2");
        assertEquals("drift.stiffness", DidYouMean.closest("drift.stifness", loader.knownKeys()));
        assertTrue(e.line().endsWith("drift.stifness: unknown key (did you mean drift.stiffness?)"), e.line());
    }

    @Test
    void aSectionGivenAsAValueIsExplained() throws IOException {
        ScenarioException e = failure("drift = harmonic");
        assertEquals("drift", e.key());
        assertTrue(e.problem().startsWith("is a section"), e.problem());
    }

    @Test
    void missingFileIsOneLine() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(dir.resolve("nope.conf"), List.of()));
        assertEquals("dyson: " + dir.resolve("nope.conf") + ": no such scenario file", e.line());
    }

    @Test
    void syntaxErrorNamesTheLine() throws IOException {
        ScenarioException e = failure("n = 4\nsteps = [1,\n");
        assertTrue(e.key().startsWith("line "), e.line());
        assertEquals(1, e.line().lines().count());
    }

    @Test
    void setWithoutEqualsOrWithBadHoconIsRejected() throws IOException {
        assertTrue(failure("n = 4", "n").problem().contains("expected key=value"));
        assertEquals("n", failure("n = 4", "n=[1,").key());
    }

    @Test
    void sweepIsTheCartesianProductLastKeyFastest() throws IOException {
        Study study = loader.load(scenario("sweep { n = [2, 3], sgd.alpha = [0.1, 0.2, 0.3] }"), List.of());
        assertEquals(List.of("n", "sgd.alpha"), study.sweepKeys());
        assertEquals(6, study.runs().size());
        assertEquals(2, study.runs().get(0).getInt("n"));
        assertEquals(0.1, study.runs().get(0).getDouble("sgd.alpha"));
        assertEquals(0.2, study.runs().get(1).getDouble("sgd.alpha"));
        assertEquals(3, study.runs().get(5).getInt("n"));
        assertEquals(0.3, study.runs().get(5).getDouble("sgd.alpha"));
        for (Config c : study.runs()) assertTrue(!c.hasPath("sweep"));
    }

    @Test
    void sweepOfAnUnknownKeyOrNotAListIsRejected() throws IOException {
        assertTrue(failure("sweep { sgd.alfa = [1] }").line().endsWith("sgd.alfa: unknown key (did you mean sgd.alpha?)"));
        assertEquals("sweep.n", failure("sweep { n = 3 }").key());
        assertEquals("sweep.n", failure("sweep { n = [] }").key());
    }

    @Test
    void sweepCanBeAddedWithSet() throws IOException {
        Study study = loader.load(scenario("n = 4"), List.of("sweep.seed=[1,2,3]"));
        assertEquals(3, study.runs().size());
        assertEquals(3, study.runs().get(2).getLong("seed"));
    }

    @Test
    void editDistance() {
        assertEquals(0, DidYouMean.distance("abc", "abc"));
        assertEquals(1, DidYouMean.distance("abc", "abd"));
        assertEquals(3, DidYouMean.distance("", "abc"));
        assertEquals(2, DidYouMean.distance("steps", "stpes"));
        assertEquals(null, DidYouMean.closest("completely-different", List.of("n", "dt")));
    }
}
