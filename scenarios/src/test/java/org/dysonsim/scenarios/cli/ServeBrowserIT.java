package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dysonsim.scenarios.serve.RunServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page in a real headless browser: a run records in its own process and serves its data
 * directory ({@code --serve}); the page of one of its members, loaded from that server, follows
 * three updates, and the chart's data (the step its script wrote from the Server-Sent Events)
 * must have moved on between the first and the last; then a server of the test's own, a reader of
 * another process's run, serves the same run's events. Needs Debian's chromium ({@code .ci/chromium}
 * installs it and exports DYSON_TEST_CHROMIUM); without it the test is skipped, except with
 * CI=true, where a missing browser fails it, as a missing PostgreSQL does.
 */
class ServeBrowserIT {
    /** Generous: a headless chromium starting beside a busy test suite on two cores once needed more than 30 s. */
    private static final long BROWSER_SECONDS = 90;
    private static final Pattern STATE = Pattern.compile("id=\"state\"[^>]*");

    @Test
    void theLivePageFollowsARunningRun(@TempDir Path dir) throws Exception {
        Path chromium = chromium();
        Path data = dir.resolve("runs");
        Path scenario = dir.resolve("live.conf");
        Files.writeString(scenario, "name = live\nn = 64\nsteps = 4000000\ndt = 1e-6\nrecord-every = 2000\nensemble.members = 2\n"
                + "init { kind = marchenko-pastur, sigma2 = 1 }\n");
        Process run = DysonProcess.builder(dir, "run", List.of("run", scenario.toString(), "--data-dir", data.toString(),
                "--seed", "7", "--quiet", "--serve", "0")).start();
        try {
            // the run's own server (--serve) reads its journal as `dyson serve` reads another process's
            String page = awaitLivePage(run, dir) + "?member=1&frames=3";
            String runId = DysonProcess.onlyRun(data);
            assertTrue(page.contains("/runs/" + runId + "/live"), page);
            // three updates a second apart, then the page stops following: the browser's virtual clock
            // waits for open connections
            String dom = dumpDom(chromium, dir.resolve("profile"), page);
            assertEquals("3", attribute(dom, "data-events"), "the page got fewer updates than asked");
            long first = Long.parseLong(attribute(dom, "data-first-step"));
            long last = Long.parseLong(attribute(dom, "data-step"));
            assertTrue(run.isAlive(), "the run ended before the page stopped following; make it longer");
            assertTrue(first > 0, "the first update saw step " + first);
            assertTrue(last > first, "the page's step did not advance: " + first + " then " + last);
            // the member is followed from its start: its distance to the report's laws at the records read
            assertTrue(Long.parseLong(attribute(dom, "data-distance-points")) > 0, "no distance to theory drawn");
            // a run without layers has no random distance to show, and every chart was drawn without an error
            assertEquals("0", attribute(dom, "data-random-distance-points"));
            Matcher error = Pattern.compile("<p id=\"error\"[^>]*>([^<]*)</p>").matcher(dom);
            assertTrue(error.find() && error.group(1).isEmpty(), "the page's script failed: " + dom);
            // and a server of another process (`dyson serve`) reads the running run too
            try (RunServer server = RunServer.start(data, ConfigFactory.empty(), "127.0.0.1", 0)) {
                HttpResponse<Stream<String>> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.url() + "runs/" + runId + "/events?member=0")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofLines());
                assertEquals(200, events.statusCode());
                String update;
                try (Stream<String> lines = events.body()) {
                    update = String.join("\n", lines.takeWhile(line -> !line.isEmpty()).toList());
                }
                Matcher step = Pattern.compile("\"step\": (\\d+),").matcher(update);
                assertTrue(step.find() && Long.parseLong(step.group(1)) > 0, update);
            }
        } finally {
            run.destroy();
            run.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The live page's URL once the run printed it (the page then follows it from its first records). */
    private static String awaitLivePage(Process run, Path dir) throws Exception {
        Pattern live = Pattern.compile("live: (http://127\\.0\\.0\\.1:\\d+/runs/\\S+/live)");
        for (int i = 0; i < 10 * BROWSER_SECONDS; i++) {
            String err = Files.exists(dir.resolve("run.err")) ? Files.readString(dir.resolve("run.err")) : "";
            Matcher url = live.matcher(err);
            if (url.find()) return url.group(1);
            if (!run.isAlive()) fail("the run ended early: " + err);
            Thread.sleep(100);
        }
        throw new AssertionError("the run printed no live page within " + BROWSER_SECONDS + " s: " + Files.readString(dir.resolve("run.err")));
    }

    /** The page's DOM after its script ran for 3 s of the browser's virtual time. */
    private static String dumpDom(Path chromium, Path profile, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom", url));
        Path dom = profile.resolveSibling(profile.getFileName() + ".html");
        Process browser = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!browser.waitFor(BROWSER_SECONDS, TimeUnit.SECONDS)) {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            fail("chromium did not dump the page within " + BROWSER_SECONDS + " s (its script never stopped following?): " + url);
        }
        assertEquals(0, browser.exitValue(), "chromium failed");
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    /** An attribute of the hidden state element, as the page's script wrote it from the events. */
    private static String attribute(String dom, String name) {
        Matcher state = STATE.matcher(dom);
        assertTrue(state.find(), "no state element in the page: " + dom);
        Matcher value = Pattern.compile(name + "=\"(\\d+)\"").matcher(state.group());
        assertTrue(value.find(), "the page's script wrote no " + name + ": " + state.group());
        return value.group(1);
    }

    /** The browser to use: $DYSON_TEST_CHROMIUM, else chromium on the PATH; none skips the test, or fails it in CI. */
    private static Path chromium() {
        Optional<Path> found = Optional.ofNullable(System.getenv("DYSON_TEST_CHROMIUM")).map(Path::of).or(() -> {
            for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(entry, "chromium");
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
            return Optional.empty();
        });
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but no chromium: .ci/run must install it (.ci/chromium); the browser test may not be skipped in CI");
        }
        Assumptions.assumeTrue(found.isPresent(), "no chromium on the PATH nor in DYSON_TEST_CHROMIUM: the live page's"
                + " browser test is skipped (Debian: apt-get install chromium, or source .ci/chromium as root)");
        return found.get();
    }
}
