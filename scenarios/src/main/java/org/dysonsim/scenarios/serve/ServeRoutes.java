package org.dysonsim.scenarios.serve;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.JournalException;
import org.dysonsim.persistence.PersistenceIds;
import org.dysonsim.scenarios.RunDirectory;
import org.dysonsim.scenarios.config.TerminalText;

/**
 * The routes of {@code dyson serve}; see the README's "dyson serve" section. Every answer other
 * than a page, a file or an event stream is one plain-text line; a failure inside never shows
 * the client more than one line.
 */
final class ServeRoutes extends AllDirectives {
    /** How often an open live page is sent what changed (and how often the journal is polled). */
    static final Duration TICK = Duration.ofSeconds(1);
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/" + UplotVersion.VERSION + "/dist/";
    private static final Map<String, String> ASSETS = Map.of(
            "uPlot.min.js", WEBJAR + "uPlot.iife.min.js",
            "uPlot.min.css", WEBJAR + "uPlot.min.css",
            "live.js", "serve/live.js",
            "serve.css", "serve/serve.css");

    private final DataDirectory dir;
    private final JournalReads reads;
    private final RunFiles files;
    private final Materializer materializer;
    private final Map<String, RunWatch> watches = new ConcurrentHashMap<>();

    ServeRoutes(DataDirectory dir, JournalReads reads, Materializer materializer) {
        this.dir = dir;
        this.reads = reads;
        this.files = new RunFiles(dir);
        this.materializer = materializer;
    }

    /** The live views currently watched; the server's poller reads the journal for them. */
    Map<String, RunWatch> watches() {
        return watches;
    }

    Route route() {
        ExceptionHandler failures = ExceptionHandler.newBuilder()
                .match(JournalException.class, e -> line(StatusCodes.SERVICE_UNAVAILABLE, "the journal cannot be read: " + e.getMessage()))
                .matchAny(e -> {
                    System.err.println("dyson serve: internal error: " + TerminalText.oneLine(String.valueOf(e)));
                    return line(StatusCodes.INTERNAL_SERVER_ERROR, "internal error (the server's output says more)");
                })
                .build();
        return handleExceptions(failures, () -> get(() -> concat(
                pathSingleSlash(() -> perRequest(() -> html(IndexPage.render(dir.root().toString(), reads.read(s -> s.list()))))),
                path(PathMatchers.segment("assets").slash(PathMatchers.segment()), this::asset),
                pathPrefix("runs", () -> pathPrefix(PathMatchers.segment(), this::run)))));
    }

    private Route run(String runId) {
        if (!PersistenceIds.isValid(runId)) return line(StatusCodes.BAD_REQUEST, "not a run id: " + runId);
        boolean known = dir.runDirectories().contains(runId) || reads.read(s -> s.holds(runId));
        if (!known) return line(StatusCodes.NOT_FOUND, "unknown run " + runId + " (the page / lists the runs)");
        return concat(
                pathEnd(() -> redirect(Uri.create("/runs/" + runId + "/"), StatusCodes.MOVED_PERMANENTLY)),
                pathSingleSlash(() -> perRequest(() -> files.file(runId, RunDirectory.REPORT_HTML)
                        .map(report -> getFromFile(report.toFile(), ContentTypes.TEXT_HTML_UTF8))
                        .orElseGet(() -> html(IndexPage.noReport(runId))))),
                path("live", () -> parameterOptional("member", member -> parameterOptional("layer", layer -> watched(runId, member, layer,
                        (watch, view) -> getFromResource("serve/live.html", ContentTypes.TEXT_HTML_UTF8))))),
                path("events", () -> parameterOptional("member", member -> parameterOptional("layer", layer ->
                        watched(runId, member, layer, this::events)))),
                path(PathMatchers.segment(), name -> file(runId, name)));
    }

    private Route file(String runId, String name) {
        if (!RunFiles.isPlainName(name)) return line(StatusCodes.BAD_REQUEST, "not a file name: " + name);
        return files.file(runId, name).map(path -> getFromFile(path.toFile()))
                .orElseGet(() -> line(StatusCodes.NOT_FOUND, "run " + runId + " has no file " + name));
    }

    private Route asset(String name) {
        String resource = ASSETS.get(name);
        return resource == null ? line(StatusCodes.NOT_FOUND, "no asset " + name) : getFromResource(resource);
    }

    /** The member and layer (of a layered run) a live view shows. */
    private record Shown(int member, int layer) {}

    /**
     * {@code route} for the run's watch and {@code member} and {@code layer} (default 0), or a 400
     * line when either is not a number or not one of the run's.
     */
    private Route watched(String runId, Optional<String> memberText, Optional<String> layerText, BiFunction<RunWatch, Shown, Route> route) {
        int member;
        int layer;
        try {
            member = Integer.parseInt(memberText.orElse("0"));
        } catch (NumberFormatException e) {
            return line(StatusCodes.BAD_REQUEST, "member: not a member number: " + memberText.get());
        }
        try {
            layer = Integer.parseInt(layerText.orElse("0"));
        } catch (NumberFormatException e) {
            return line(StatusCodes.BAD_REQUEST, "layer: not a layer number: " + layerText.get());
        }
        RunWatch watch = watches.computeIfAbsent(runId, id -> poll(new RunWatch(id)));
        watch.touch();
        if (!watch.hasMember(member)) return line(StatusCodes.BAD_REQUEST, "member: run " + runId + " has no member " + member);
        if (!watch.hasLayer(layer)) return line(StatusCodes.BAD_REQUEST, "layer: run " + runId + " has no layer " + layer);
        return route.apply(watch, new Shown(member, layer));
    }

    /** The live view's state of a member (and layer), once now and again each time a poll read something new. */
    private Route events(RunWatch watch, Shown shown) {
        if (watch.follow(shown.member())) poll(watch); // its distances from the first update on
        Source<ServerSentEvent, NotUsed> updates = Source.tick(Duration.ZERO, TICK, "tick")
                .statefulMap(() -> new long[] {-1}, (seen, tick) -> {
                    watch.touch();
                    long version = watch.version();
                    if (version == seen[0]) return Pair.create(seen, Optional.<String>empty());
                    seen[0] = version;
                    return Pair.create(seen, Optional.of(watch.view(shown.member(), shown.layer())));
                }, seen -> Optional.empty())
                .mapConcat(view -> view.map(List::of).orElse(List.of()))
                .map(ServerSentEvent::create)
                .keepAlive(Duration.ofSeconds(15), ServerSentEvent::heartbeat)
                .mapMaterializedValue(ticks -> NotUsed.getInstance());
        return completeOK(updates, EventStreamMarshalling.toEventStream());
    }

    private RunWatch poll(RunWatch watch) {
        reads.read(session -> {
            watch.poll(session, materializer);
            return null;
        });
        return watch;
    }

    /** A route built anew for each request (pages whose content changes). */
    private Route perRequest(Supplier<Route> route) {
        return extractRequestContext(context -> route.get());
    }

    private Route html(String page) {
        return complete(HttpResponse.create().withEntity(ContentTypes.TEXT_HTML_UTF8, page));
    }

    private Route line(StatusCode status, String text) {
        return complete(HttpResponse.create().withStatus(status)
                .withEntity(ContentTypes.TEXT_PLAIN_UTF8, "dyson serve: " + TerminalText.oneLine(text) + "\n"));
    }
}
