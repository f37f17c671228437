package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict line and the --check exit code, read back from a report.json. */
class RunVerdictTest {
    private static String comparison(String name, String verdict) {
        return "{\"name\": \"" + name + "\", \"t\": null, \"value\": 0.1, \"verdict\": \"" + verdict + "\"}";
    }

    private static RunVerdict written(Path dir, String... comparisons) throws IOException {
        Path html = dir.resolve("report.html");
        Files.writeString(dir.resolve("report.json"), "{\"run_id\": \"r-1\", \"comparisons\": [" + String.join(", ", comparisons) + "]}");
        StringWriter out = new StringWriter();
        RunVerdict verdict = RunVerdict.printed(html, "r-1", new PrintWriter(out));
        assertEquals("report: " + html + "\n" + verdict.line("r-1") + "\n", out.toString());
        return verdict;
    }

    @Test
    void failingComparisonsAreCountedAndNamedOnce(@TempDir Path dir) throws IOException {
        RunVerdict v = written(dir, comparison("free convolution", "pass"), comparison("KS a", "fail"),
                comparison("KS a", "fail"), comparison("gap", "inconclusive"), comparison("b", "fail"));
        assertEquals("run r-1: 1/5 comparisons pass, 1 inconclusive, 3 fail: KS a, b", v.line("r-1"));
        CheckOption check = new CheckOption();
        assertEquals(Main.OK, check.exit(v), "without --check a failed comparison is only reported");
        check.check = true;
        assertEquals(Main.CHECK_FAILED, check.exit(v));
    }

    @Test
    void aRunWhoseComparisonsAllPassExitsZeroUnderCheck(@TempDir Path dir) throws IOException {
        RunVerdict v = written(dir, comparison("a", "pass"), comparison("b", "pass"));
        assertEquals("run r-1: 2/2 comparisons pass", v.line("r-1"));
        CheckOption check = new CheckOption();
        check.check = true;
        assertEquals(Main.OK, check.exit(v));
        assertEquals("run r-1: no comparisons", written(dir).line("r-1"));
    }

    @Test
    void inconclusiveComparisonsAreCountedButDoNotFailTheCheck(@TempDir Path dir) throws IOException {
        RunVerdict v = written(dir, comparison("a", "pass"), comparison("companion mode 0", "inconclusive"),
                comparison("companion mode 1", "inconclusive"));
        assertEquals("run r-1: 1/3 comparisons pass, 2 inconclusive", v.line("r-1"));
        assertEquals(2, v.inconclusive());
        CheckOption check = new CheckOption();
        check.check = true;
        assertEquals(Main.OK, check.exit(v));
    }

    @Test
    void aFailureWhileRunningOutweighsAFailedComparison() {
        assertEquals(Main.FAILED, CheckOption.worse(Main.CHECK_FAILED, Main.FAILED));
        assertEquals(Main.FAILED, CheckOption.worse(Main.FAILED, Main.CHECK_FAILED));
        assertEquals(Main.CHECK_FAILED, CheckOption.worse(Main.OK, Main.CHECK_FAILED));
        assertEquals(Main.OK, CheckOption.worse(Main.OK, Main.OK));
    }
}
