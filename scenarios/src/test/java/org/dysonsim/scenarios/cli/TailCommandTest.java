package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dysonsim.physics.rng.CounterRng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsOneJsonObjectWithTheFitTheBootstrapAndTheComparisons() throws IOException {
        StringBuilder text = new StringBuilder("# Pareto, alpha 2.5, x_min 1\n\n");
        for (int i = 0; i < 200; i++) text.append(Math.pow(CounterRng.uniform(3, 0, i, 0, 0), -1 / 1.5)).append('\n');
        Path file = Files.writeString(dir.resolve("pareto.txt"), text);
        InProcessDyson.Result r = InProcessDyson.run("tail", file.toString(), "--bootstrap", "10", "--seed", "4");
        assertEquals(0, r.exit(), r.err());
        String out = r.out().strip();
        assertTrue(out.startsWith("{") && out.endsWith("}"), out);
        for (String key : new String[] {"\"alpha\"", "\"alpha_se\"", "\"xmin\"", "\"n_tail\"", "\"n\": 200", "\"p_value\"",
            "\"p_value_precision\"", "\"exponential\"", "\"lognormal\"", "\"stretched_exponential\"", "\"truncated_power_law\"",
            "\"verdict\"", "\"upper_truncation\""}) {
            assertTrue(out.contains(key), key + " missing in " + out);
        }
        Matcher alpha = Pattern.compile("\"alpha\": ([0-9.]+)").matcher(out);
        assertTrue(alpha.find());
        assertEquals(2.5, Double.parseDouble(alpha.group(1)), 0.5);
        assertEquals(out, InProcessDyson.run("tail", file.toString(), "--bootstrap", "10", "--seed", "4").out().strip());
        assertTrue(InProcessDyson.run("tail", file.toString()).out().contains("\"p_value\": null"));
    }

    @Test
    void aBadLineIsOneLineNamingTheFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), "1.5\n2\n# note\nthree\n");
        InProcessDyson.Result r = InProcessDyson.run("tail", file.toString());
        assertEquals(2, r.exit());
        assertEquals("dyson: " + file + ": line 4: \"three\" is not a finite number", r.err().strip());
        Path fractional = Files.writeString(dir.resolve("frac.txt"), "1\n2.5\n");
        InProcessDyson.Result d = InProcessDyson.run("tail", fractional.toString(), "--discrete");
        assertEquals(2, d.exit());
        assertEquals("dyson: " + fractional + ": line 2: 2.5 is not an integer (--discrete)", d.err().strip());
        InProcessDyson.Result few = InProcessDyson.run("tail", file.resolveSibling("frac.txt").toString());
        assertEquals(2, few.exit());
        assertTrue(few.err().startsWith("dyson: " + fractional + ": need at least 10"), few.err());
        assertEquals(2, InProcessDyson.run("tail", dir.resolve("missing.txt").toString()).exit());
    }
}
