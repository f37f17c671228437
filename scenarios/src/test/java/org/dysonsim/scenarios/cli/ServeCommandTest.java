package org.dysonsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dysonsim.scenarios.serve.RunServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code dyson serve}'s HTTP layer against a real server on a free port, over a small recorded run. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeCommandTest {
    private static final String SECRET = "outside the data directory";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path data;
    private String runId;
    private String networkRunId;
    private RunServer server;

    @BeforeAll
    void recordAndServe(@TempDir Path dir) throws IOException {
        data = dir.resolve("runs");
        Path scenario = dir.resolve("mp.conf");
        Files.writeString(scenario, "name = mp\nn = 8\nsteps = 20\nrecord-every = 5\nensemble.members = 2\n"
                + "init { kind = marchenko-pastur, sigma2 = 1 }\n");
        InProcessDyson.Result run = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(), "--seed", "3", "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        runId = InProcessDyson.run("list", "--data-dir", data.toString()).out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        networkRunId = recordNetwork(dir);
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        Files.createSymbolicLink(data.resolve(runId).resolve("escape.txt"), secret);
        server = RunServer.start(data, ConfigFactory.empty(), "127.0.0.1", 0);
    }

    /** A network of two layers (6 → 5 → 3) trained 4 steps on IDX files of 20 blank 2 × 3 images. */
    private String recordNetwork(Path dir) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        for (String part : List.of("train", "t10k")) {
            ByteBuffer pixels = ByteBuffer.allocate(16 + 20 * 6).putInt(0x803).putInt(20).putInt(2).putInt(3);
            ByteBuffer labels = ByteBuffer.allocate(8 + 20).putInt(0x801).putInt(20);
            for (int i = 0; i < 20; i++) labels.put((byte) (i % 3));
            Files.write(images.resolve(part + "-images-idx3-ubyte"), pixels.array());
            Files.write(images.resolve(part + "-labels-idx1-ubyte"), labels.array());
        }
        Path scenario = dir.resolve("net.conf");
        Files.writeString(scenario, "name = net\nmodel = network\nsteps = 4\nrecord-every = 2\nensemble.members = 1\n"
                + "network { widths = [6, 5, 3], train-size = 20, test-size = 10 }\ndata.path = \"" + images + "\"\n"
                + "sgd { alpha = 0.1, batch = 4, momentum = 0.5 }\nerror-control.members = 0\n");
        InProcessDyson.Result run = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(), "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        return InProcessDyson.run("list", "--data-dir", data.toString()).out().lines()
                .filter(line -> line.startsWith("net-")).findFirst().orElseThrow().split("\\s+")[0];
    }

    /** The event stream's updates as JSON until one satisfies {@code wanted} (a few seconds at most), that one. */
    private String eventUntil(String path, java.util.function.Predicate<String> wanted) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(20)).build();
        HttpResponse<Stream<String>> events = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        StringBuilder event = new StringBuilder();
        String last = "";
        try (Stream<String> lines = events.body()) {
            var it = lines.iterator();
            for (int updates = 0; updates < 8 && it.hasNext(); ) {
                String line = it.next();
                if (!line.isEmpty()) {
                    event.append(line.replaceFirst("^data: ?", "")).append('\n');
                    continue;
                }
                last = event.toString();
                event.setLength(0);
                if (last.isBlank()) continue;
                updates++;
                if (wanted.test(last)) return last;
            }
        }
        throw new AssertionError("no update as wanted; the last: " + last);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A refused request: the status, one plain line, no stack trace, nothing of the file outside. */
    private void refused(int status, String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertTrue(response.body().strip().lines().count() <= 1, response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
        assertFalse(response.body().contains(SECRET), response.body());
    }

    @Test
    void indexListsTheRunWithItsStatusAndLinks() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("data-run=\"" + runId + "\" data-status=\"completed\""), index.body());
        assertTrue(index.body().contains("/runs/" + runId + "/live"), index.body());
    }

    @Test
    void aRunServesItsReportAndFiles() throws Exception {
        HttpResponse<String> report = get("/runs/" + runId + "/");
        assertEquals(200, report.statusCode());
        assertTrue(report.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertEquals(Files.readString(data.resolve(runId).resolve("report.html")), report.body());
        assertEquals(200, get("/runs/" + runId + "/report.json").statusCode());
        assertEquals(200, get("/runs/" + runId + "/live").statusCode());
        assertEquals(200, get("/assets/uPlot.min.js").statusCode());
    }

    @Test
    void theEventStreamCarriesTheMembersSpectrumWithTheMarchenkoPasturCurve() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "runs/" + runId + "/events?member=1"))
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<Stream<String>> events = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        assertEquals("text/event-stream", events.headers().firstValue("content-type").orElse(""));
        List<String> first;
        try (Stream<String> lines = events.body()) {
            first = lines.takeWhile(line -> !line.isEmpty()).toList();
        }
        String json = String.join("\n", first.stream().map(line -> line.replaceFirst("^data: ?", "")).toList());
        assertTrue(json.contains("\"member\": 1,"), json);
        assertTrue(json.contains("\"step\": 20,"), json);
        assertTrue(json.contains("\"completed\": 2"), json);
        assertFalse(json.contains("\"lawName\": null"), json);
        assertFalse(json.contains("\"law\": null"), json);
    }

    @Test
    void theFollowedMembersDistanceToEachPredictionComesAtEveryTimeItApplies() throws Exception {
        // 5 records (t = 0 and 4 later times): the initial Marchenko–Pastur law applies at t = 0 only
        String json = eventUntil("/runs/" + runId + "/events?member=1", view -> view.contains("\"name\": \"Marchenko"));
        Matcher mp = Pattern.compile("\"name\": \"Marchenko[^\"]*\",\\s*\"t\": \\[([^\\]]*)\\],\\s*\"distance\": \\[([^\\]]*)\\],"
                + "\\s*\"threshold\": \\[([^\\]]*)\\]").matcher(json);
        assertTrue(mp.find(), json);
        assertEquals(0.0, Double.parseDouble(mp.group(1).strip()), json);
        double distance = Double.parseDouble(mp.group(2).strip());
        double threshold = Double.parseDouble(mp.group(3).strip());
        assertTrue(distance > 0 && distance < threshold, "8 levels drawn from the law: " + distance + " against " + threshold);
    }

    @Test
    void aNetworkRunsLiveViewHasItsLayersLossesAccuracyAndEachLayersDistanceToItsInitialLaw() throws Exception {
        Pattern layerSteps = Pattern.compile("\"layerMetrics\": \\{\\s*\"step\": \\[([^\\]]*)\\],\\s*\"alpha\": \\[[^\\]]*\\],"
                + "\\s*\"numSpikes\": \\[([^\\]]*)\\]");
        String json = eventUntil("/runs/" + networkRunId + "/events?member=0&layer=1",
                view -> view.contains("\"name\": \"fc2\"") && layerSteps.matcher(view).find() && layerSteps.matcher(view).results()
                        .anyMatch(m -> m.group(1).split(",").length == 3));
        assertTrue(Pattern.compile("\"layers\": \\[\\s*\"fc1\",\\s*\"fc2\"\\s*\\]").matcher(json).find(), json);
        assertTrue(json.contains("\"lawName\": \"Marchenko–Pastur law of W₀\""), json);
        Matcher steps = Pattern.compile("\"metrics\": \\{[^}]*\"step\": \\[([^\\]]*)\\]").matcher(json);
        assertTrue(steps.find(), json);
        assertEquals(List.of(0.0, 2.0, 4.0), Stream.of(steps.group(1).split(",")).map(x -> Double.parseDouble(x.strip())).toList(), json);
        for (String metric : List.of("trainLoss", "testLoss", "testAccuracy")) {
            assertTrue(Pattern.compile("\"" + metric + "\": \\[[^\\],]+,[^\\],]+,[^\\],]+\\]").matcher(json).find(), metric + ": " + json);
        }
        assertFalse(json.contains("\"name\": \"fc1\""), "only the chosen layer's distances: " + json);
        Matcher layer = layerSteps.matcher(json);
        assertTrue(layer.find(), json);
        assertEquals(List.of(0.0, 2.0, 4.0), Stream.of(layer.group(1).split(",")).map(x -> Double.parseDouble(x.strip())).toList(),
                "the layer's metrics at every record, in step order: " + json);
        for (String spikes : layer.group(2).split(",")) {
            double count = Double.parseDouble(spikes.strip());
            assertTrue(count >= 0 && count <= 3 && count == Math.rint(count), "a spike count of a 5 × 3 layer: " + json);
        }
        // the layer's random distance, as the run recorded it (the last record always measures it)
        Matcher random = Pattern.compile("\"randomDistance\": \\{\\s*\"step\": \\[([^\\]]*)\\],\\s*\"ks\": \\[([^\\]]*)\\],"
                + "\\s*\"w1\": \\[([^\\]]*)\\]").matcher(json);
        assertTrue(random.find(), json);
        List<Double> measured = Stream.of(random.group(1).split(",")).map(x -> Double.parseDouble(x.strip())).toList();
        assertEquals(4.0, measured.get(measured.size() - 1), json);
        for (String ks : random.group(2).split(",")) {
            double d = Double.parseDouble(ks.strip());
            assertTrue(d >= 0 && d <= 1, "a KS distance: " + json);
        }
        // and the run's report gives each layer its particle companion (or says why it has none)
        String report = Files.readString(data.resolve(networkRunId).resolve("report.json"));
        assertEquals(2, Pattern.compile("\"particle_companion\": \\{\\s*\"description\"").matcher(report).results().count(), report);
        refused(400, "/runs/" + networkRunId + "/events?layer=2");
        refused(400, "/runs/" + networkRunId + "/live?layer=x");
        refused(400, "/runs/" + runId + "/events?layer=1"); // a run without layers has one spectrum
    }

    @Test
    void aRunRecordedWhileTheServerRunsIsListed() throws Exception {
        assertEquals(200, get("/").statusCode()); // the index read the journal before the run
        Path scenario = data.resolveSibling("second.conf");
        Files.writeString(scenario, "name = second\nn = 2\nsteps = 4\nrecord-every = 2\nensemble.members = 1\n"
                + "init { kind = explicit, values = [0, 1] }\nerror-control.members = 0\n");
        InProcessDyson.Result second = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(), "--quiet");
        assertEquals(Main.OK, second.exit(), second.err());
        assertTrue(get("/").body().contains("data-status=\"completed\""), "the index lists the new run");
    }

    @Test
    void aRunWithServePrintsItsLivePageAndStopsServingWhenItEnds(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("runs");
        Path scenario = dir.resolve("served.conf");
        Files.writeString(scenario, "name = served\nn = 2\nsteps = 4\nrecord-every = 2\nensemble.members = 1\n"
                + "init { kind = explicit, values = [0, 1] }\nerror-control.members = 0\n");
        InProcessDyson.Result run = InProcessDyson.run("run", "--serve", "0", scenario.toString(), "--data-dir", data.toString(), "--quiet");
        assertEquals(Main.OK, run.exit(), run.err());
        Matcher live = Pattern.compile("live: http://127\\.0\\.0\\.1:(\\d+)/runs/(served-\\S+)/live").matcher(run.err());
        assertTrue(live.find(), run.err());
        assertTrue(Files.isDirectory(data.resolve(live.group(2))), "the live page's run is the run: " + live.group(2));
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(live.group(1))), 2000),
                    "the run stopped serving when it ended");
        }
        InProcessDyson.Result badPort = InProcessDyson.run("run", scenario.toString(), "--data-dir", data.toString(), "--serve", "70000");
        assertEquals(Main.BAD_INPUT, badPort.exit());
        assertEquals("dyson: --serve: 70000 is not a TCP port (0 to 65535)", badPort.err().strip());
        InProcessDyson.Result tooLong = InProcessDyson.run("run", "--serve=123456", scenario.toString(), "--data-dir", data.toString());
        assertEquals(Main.BAD_INPUT, tooLong.exit());
        assertTrue(tooLong.err().startsWith("dyson: --serve: 123456 is not a TCP port"), tooLong.err());
        // --serve without a port before the scenario: the scenario is read as the scenario (here refused for its n)
        InProcessDyson.Result beforeTheScenario = InProcessDyson.run("run", "--serve", scenario.toString(), "--set", "n=-1",
                "--data-dir", data.toString());
        assertEquals(Main.BAD_INPUT, beforeTheScenario.exit());
        assertTrue(beforeTheScenario.err().startsWith("dyson: " + scenario + ": n: "), beforeTheScenario.err());
    }

    @Test
    void unknownRunsAndFilesAreNotFound() throws Exception {
        refused(404, "/runs/no-such-run/");
        refused(404, "/runs/no-such-run/live");
        refused(404, "/runs/" + runId + "/no-such-file.png");
        refused(404, "/nothing-here");
    }

    @Test
    void pathTraversalNeverReachesAFileOutsideTheDataDirectory() throws Exception {
        refused(404, "/runs/" + runId + "/escape.txt"); // a link pointing out of the data directory
        refused(400, "/runs/" + runId + "/..%2F..%2Fsecret.txt");
        refused(404, "/runs/" + runId + "/%2e%2e"); // the client or the server collapses the dot segment
        refused(404, "/runs/%2e%2e/secret.txt"); // the dot segment collapses to /secret.txt
        refused(400, "/runs/..%2Fsecret.txt/report.html");
        refused(400, "/runs/" + runId + "/%2Fetc%2Fpasswd");
        refused(404, "/runs/" + runId + "//etc/passwd");
        refused(404, "/assets/..%2F..%2Fserve%2Flive.js");
    }

    @Test
    void aHugeUriIsRefusedByTheParser() throws Exception {
        HttpResponse<String> response = get("/runs/" + runId + "/events?member=" + "1".repeat(20_000));
        assertTrue(response.statusCode() == 414 || response.statusCode() == 400, response.statusCode() + " " + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void aMemberOutOfRangeOrNotANumberIsABadRequest() throws Exception {
        refused(400, "/runs/" + runId + "/events?member=2");
        refused(400, "/runs/" + runId + "/events?member=-1");
        refused(400, "/runs/" + runId + "/events?member=abc");
        refused(400, "/runs/" + runId + "/events?member=99999999999999999999");
    }

    @Test
    void theLivePageOfAMemberTheRunDoesNotHaveIsABadRequest() throws Exception {
        refused(400, "/runs/" + runId + "/live?member=99");
        refused(400, "/runs/" + runId + "/live?member=-1");
        refused(400, "/runs/" + runId + "/live?member=abc");
        assertEquals(200, get("/runs/" + runId + "/live?member=1").statusCode());
    }
}
