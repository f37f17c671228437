package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in {@code dyson node} and {@code dyson run --cluster}: one line naming the option, exit 2. */
class ClusterCommandsTest {
    private static final Path QUICKSTART = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
            .resolve("scenarios/quickstart.conf");

    @TempDir
    Path dir;

    private static void assertOneLineBadInput(InProcessDyson.Result result, String expected) {
        assertEquals(Main.BAD_INPUT, result.exit(), result.err());
        assertTrue(result.err().contains(expected), result.err());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aSeedThatIsNotHostAndPortIsNamed() {
        assertOneLineBadInput(InProcessDyson.run("node", "--port", "2551", "--seed-nodes", "127.0.0.1:2552,localhost",
                "--data-dir", dir.toString()), "--seed-nodes: \"localhost\" is not host:port");
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        assertOneLineBadInput(InProcessDyson.run("node", "--port", "70000", "--data-dir", dir.toString()),
                "--port: must be in 1..65535");
    }

    @Test
    void aMalformedClusterAddressIsNamedBeforeAnythingRuns() {
        assertOneLineBadInput(InProcessDyson.run("run", QUICKSTART.toString(), "--cluster", "127.0.0.1",
                "--data-dir", dir.toString()), "--cluster: \"127.0.0.1\" is not host:port");
    }
}
