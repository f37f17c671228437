package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.gallery.Claim;
import org.dysonsim.scenarios.gallery.ClaimOutcome;
import org.dysonsim.scenarios.gallery.Claims;
import org.dysonsim.scenarios.gallery.Gallery;
import org.dysonsim.scenarios.gallery.GalleryPage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dyson gallery}: runs (or reuses) the shipped scenarios that carry the papers' claims and
 * writes one page, gallery.html. Exit code 0 when every claim has a result (reproduced or not),
 * 1 when a run did not complete (the page is still written).
 */
@Command(name = "gallery", mixinStandardHelpOptions = true,
        description = "Run (or reuse) the scenarios behind the papers' claims and write one page, gallery.html: "
                + "per claim its figure, the number measured, the threshold, the verdict and the command that reproduces it.")
final class GalleryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "shrink every scenario (fewer members and steps): about two minutes in all")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "where gallery.html goes (default: DATA-DIR/gallery)")
    Path out;

    @Option(names = "--claims", paramLabel = "ID", split = ",",
            description = "only these claims, comma-separated (default: all; see the README for their ids)")
    List<String> claimIds = new ArrayList<>();

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
            description = "directory of the shipped scenarios (default: ${DEFAULT-VALUE})")
    Path scenarios;

    @Mixin
    DataDirOption dataDir;

    @Override
    public Integer call() throws IOException {
        List<Claim> claims = selected();
        Path data = dataDir.path();
        Path target = out != null ? out : data.resolve("gallery");
        // the data directory first: once the default --out is inside it, it is no longer empty
        DataDirectory.createOrOpen(data);
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new BadInputException("--out " + target + ": cannot create the directory (" + e + ")");
        }
        if (!Files.isWritable(target)) throw new BadInputException("--out " + target + ": the directory is not writable");
        PrintWriter err = spec.commandLine().getErr();
        List<ClaimOutcome> outcomes = Gallery.build(claims, scenarios, data, quick, (file, overrides) -> run(file, overrides, data), err);
        Path page = GalleryPage.write(target, outcomes, quick);
        spec.commandLine().getOut().println(page);
        spec.commandLine().getOut().flush();
        err.flush();
        return outcomes.stream().anyMatch(o -> o.verdict() == ClaimOutcome.Verdict.NO_RESULT) ? Main.FAILED : Main.OK;
    }

    private List<Claim> selected() {
        if (claimIds.isEmpty()) return Claims.ALL;
        List<String> known = Claims.ALL.stream().map(Claim::id).toList();
        for (String id : claimIds) {
            if (!known.contains(id)) throw new BadInputException("--claims: unknown claim '" + id + "' (known: " + String.join(", ", known) + ")");
        }
        return Claims.ALL.stream().filter(c -> claimIds.contains(c.id())).toList();
    }

    /** {@code dyson run FILE --set ...} in this process, its report lines discarded, its errors on our stderr. */
    private int run(Path file, List<String> overrides, Path data) {
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--data-dir", data.toString(), "--quiet"));
        for (String o : overrides) {
            args.add("--set");
            args.add(o);
        }
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(PrintWriter.nullWriter()));
        cl.setErr(spec.commandLine().getErr());
        return Main.execute(cl, args.toArray(String[]::new));
    }
}
