package org.dysonsim.scenarios.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.dysonsim.actors.RunSpec;
import org.dysonsim.scenarios.StudyPlan;
import org.dysonsim.scenarios.gallery.Claim.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The gallery page from hand-made report.json and study.json files: a claim that passed, one that failed, one without a run. */
class GalleryPageTest {
    private static final Path QUICKSTART = Path.of("").toAbsolutePath().getParent().resolve("scenarios/quickstart.conf");

    @TempDir
    Path temp;

    private static final Claim MP = new Claim("mp", "The initial law is Marchenko–Pastur.", "quickstart", Source.REPORT,
            List.of("Marchenko–Pastur"), "overlay-1-", List.of("steps=100"));
    private static final Claim GAMMA = new Claim("gamma", "Late times follow a gamma law.", "wishart-gamma", Source.REPORT,
            List.of("stationary gamma law"), "overlay-3-", List.of());
    private static final Claim SCALING = new Claim("scaling", "σ² ∝ α/|B|.", "rbm-pcd-scaling", Source.STUDY,
            List.of("comparison", "linearity"), "scaling.png", List.of());

    @Test
    void passedAndFailedClaimsShowTheirFigureNumbersVerdictAndCommand() throws Exception {
        Path passed = run("quickstart-1", "x = 1", comparison("Marchenko–Pastur (M = 4, N = 2)", 0, 0.05, 0.3, "pass"));
        Path failed = run("wishart-gamma-1", "x = 2", comparison("stationary gamma law (shape 2)", 10, 0.1, 0.3, "pass") + ","
                + comparison("stationary gamma law (shape 2)", 11, 0.5, 0.3, "fail"));
        Path study = Files.createDirectories(temp.resolve("scaling-1"));
        Files.writeString(study.resolve("study.json"), "{\"comparison\": {\"name\": \"no offset\", \"value\": 0.01, \"threshold\": 0.02,"
                + " \"rule\": \"|a| ≤ 5 SE\", \"verdict\": \"pass\"}, \"linearity\": {\"name\": \"linearity\", \"value\": 30,"
                + " \"threshold\": 23.5, \"rule\": \"χ² ≤ critical\", \"verdict\": \"fail\"}}");
        Files.write(study.resolve("scaling.png"), new byte[] {1, 2, 3});
        List<ClaimOutcome> outcomes = List.of(
                ClaimReading.read(MP, new CompletedRuns.Found(List.of(passed), null), "ran", MP.command(true)),
                ClaimReading.read(GAMMA, new CompletedRuns.Found(List.of(failed), null), "ran", GAMMA.command(false)),
                ClaimReading.read(SCALING, new CompletedRuns.Found(List.of(), study), "ran", SCALING.command(false)));
        Path out = Files.createDirectories(temp.resolve("out"));
        Document page = parse(GalleryPage.write(out, outcomes, true));

        assertEquals("verdict reproduced", text(page, "//section[@id='mp']/h2/span/@class"));
        assertEquals("0.05", text(page, "//section[@id='mp']//td[@class='value']"));
        assertEquals("0.3", text(page, "//section[@id='mp']//td[@class='threshold']"));
        assertEquals("./dyson run scenarios/quickstart.conf --set steps=100", text(page, "//section[@id='mp']//code[@class='command']"));
        String figure = text(page, "//section[@id='mp']//img/@src");
        assertTrue(Files.isRegularFile(out.resolve(figure)), figure + " is copied beside the page");

        assertEquals("verdict not-reproduced", text(page, "//section[@id='gamma']/h2/span/@class"));
        assertEquals("0.5", text(page, "//section[@id='gamma']//td[@class='value']"), "the failed comparison is the one shown");
        assertEquals("fail", text(page, "//section[@id='gamma']//tr/td[6]"));
        assertTrue(text(page, "//section[@id='gamma']//tr/td[1]").contains("worst of 2, 1 failed"));

        assertEquals("verdict not-reproduced", text(page, "//section[@id='scaling']/h2/span/@class"));
        assertEquals("30", text(page, "//section[@id='scaling']//tr[3]/td[@class='value']"));
        assertEquals(1, nodes(page, "//section[@id='scaling']//img").getLength());
    }

    @Test
    void aClaimWhoseComparisonsCannotCatchATwofoldErrorIsInconclusiveNotReproduced() throws Exception {
        Path small = run("quickstart-2", "x = 3", comparison("Marchenko–Pastur (M = 4, N = 2)", 0, 0.05, 0.3, "pass") + ","
                + comparison("Marchenko–Pastur (M = 4, N = 2)", 0, 0.1, 0.6, "inconclusive"));
        ClaimOutcome outcome = ClaimReading.read(MP, new CompletedRuns.Found(List.of(small), null), "ran", MP.command(true));
        assertEquals(ClaimOutcome.Verdict.INCONCLUSIVE, outcome.verdict());
        Document page = parse(GalleryPage.write(Files.createDirectories(temp.resolve("out")), List.of(outcome), true));
        assertEquals("verdict inconclusive", text(page, "//section[@id='mp']/h2/span/@class"));
        assertEquals("inconclusive", text(page, "//section[@id='mp']//tr/td[6]"));
        assertTrue(text(page, "//section[@id='mp']//tr/td[1]").contains("worst of 2, 1 inconclusive"));
    }

    @Test
    void aClaimWithoutACompletedRunIsShownAsNoResult() throws Exception {
        List<Path> launched = new ArrayList<>();
        List<ClaimOutcome> outcomes = Gallery.build(List.of(MP), QUICKSTART.getParent(), temp.resolve("data"), true,
                (file, overrides) -> {
                    launched.add(file);
                    return 1;
                }, new PrintWriter(new StringWriter()));
        assertEquals(List.of(QUICKSTART), launched);
        Document page = parse(GalleryPage.write(Files.createDirectories(temp.resolve("out")), outcomes, true));
        assertEquals("verdict no-result", text(page, "//section[@id='mp']/h2/span/@class"));
        assertTrue(text(page, "//section[@id='mp']/p[@class='note']").contains("exit code 1"));
        assertEquals(0, nodes(page, "//section[@id='mp']//table").getLength());
    }

    @Test
    void aCompletedRunOfTheSameResolvedScenarioIsReusedAndAnotherIsNot() throws Exception {
        Path data = temp.resolve("data");
        String text = StudyPlan.prepare(QUICKSTART, MP.quick(), data, Instant.now()).runs().stream()
                .map(RunSpec::scenarioText).findFirst().orElseThrow();
        run("data/quickstart-a", text, comparison("Marchenko–Pastur", 0, 0.05, 0.3, "pass"));
        run("data/quickstart-b", text.replace("steps=100", "steps=101"), comparison("Marchenko–Pastur", 0, 0.9, 0.3, "fail"));
        StringWriter progress = new StringWriter();
        List<ClaimOutcome> outcomes = Gallery.build(List.of(MP), QUICKSTART.getParent(), data, true,
                (file, overrides) -> {
                    throw new AssertionError("a completed run is there: nothing to run");
                }, new PrintWriter(progress));
        assertEquals(ClaimOutcome.Verdict.REPRODUCED, outcomes.get(0).verdict());
        assertEquals(data.resolve("quickstart-a"), outcomes.get(0).source());
        assertTrue(progress.toString().startsWith("gallery: claim 1/1: mp: reusing quickstart-a"), progress.toString());
    }

    private static final Claim NETWORK = Claims.ALL.stream().filter(c -> c.id().equals("network-leaves-mp")).findFirst().orElseThrow();

    @Test
    void everyLayerOfANetworkRunIsHeldToTheClaimsBoundsAndTheClosestToBreakingOneIsShown() throws Exception {
        Path dir = run("mlp-fashion-1", "x = 1", "");
        Files.write(dir.resolve("network-fc1-final.png"), new byte[] {7});
        Files.writeString(dir.resolve("report.json"), "{\"status\": \"completed\", \"comparisons\": [],"
                + " \"plots\": [{\"name\": \"network-fc1-final\", \"png\": \"network-fc1-final.png\"}],"
                + " \"network\": {\"layers\": [" + layer("fc1", 0.85, 11) + ", " + layer("fc2", 1.02, 3) + ", " + layer("fc3", 0.78, 1) + "]}}");
        ClaimOutcome outcome = ClaimReading.read(NETWORK, new CompletedRuns.Found(List.of(dir), null), "ran", NETWORK.command(true));
        assertEquals(ClaimOutcome.Verdict.NOT_REPRODUCED, outcome.verdict());
        ClaimOutcome.Row area = outcome.rows().get(0);
        assertEquals(List.of("fc2: final mp area", 1.02, 1.0, 3, 1), List.of(area.name(), area.value(), area.threshold(), area.count(), area.failed()));
        ClaimOutcome.Row outliers = outcome.rows().get(1);
        assertEquals(List.of("fc3: final outliers per spectrum", 1.0, 0.0, 0), List.of(outliers.name(), outliers.value(),
                outliers.threshold(), outliers.failed()));
        assertEquals(List.of(dir.resolve("network-fc1-final.png")), outcome.figures());
        assertTrue(NETWORK.command(true).startsWith("./dyson run scenarios/mlp-fashion.conf --set steps=300"), NETWORK.command(true));
    }

    @Test
    void aNetworkClaimWithoutItsDataSetSaysWhatToInstallAndRunsNothing() throws Exception {
        Path scenarios = Files.createDirectories(temp.resolve("scenarios"));
        Files.writeString(scenarios.resolve("mlp-fashion.conf"), Files.readString(QUICKSTART.resolveSibling("mlp-fashion.conf"))
                + "\ndata.path = \"" + temp.resolve("no-images") + "\"\n");
        StringWriter progress = new StringWriter();
        List<ClaimOutcome> outcomes = Gallery.build(List.of(NETWORK), scenarios, temp.resolve("data"), true,
                (file, overrides) -> {
                    throw new AssertionError("nothing can run without the images");
                }, new PrintWriter(progress));
        assertEquals(ClaimOutcome.Verdict.NO_RESULT, outcomes.get(0).verdict());
        assertTrue(outcomes.get(0).note().startsWith("No result: ") && outcomes.get(0).note().contains("install"), outcomes.get(0).note());
        assertTrue(progress.toString().contains("network-leaves-mp: no result: "), progress.toString());
    }

    private static String layer(String name, double area, int outliers) {
        return "{\"name\": \"" + name + "\", \"final\": {\"mp_area\": " + area + ", \"outliers_per_spectrum\": " + outliers + "}}";
    }

    private Path run(String name, String scenarioText, String comparisons) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("scenario.conf"), scenarioText);
        Files.write(dir.resolve("overlay-1-1.png"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("overlay-3-1.png"), new byte[] {4, 5, 6});
        Files.writeString(dir.resolve("report.json"), "{\"status\": \"completed\", \"comparisons\": [" + comparisons + "],"
                + " \"plots\": [{\"name\": \"overlay-1-1\", \"png\": \"overlay-1-1.png\"}, {\"name\": \"overlay-3-1\", \"png\": \"overlay-3-1.png\"}]}");
        return dir;
    }

    private static String comparison(String name, double t, double value, double threshold, String verdict) {
        return "{\"name\": \"" + name + "\", \"statistic\": \"KS distance\", \"t\": " + t + ", \"value\": " + value
                + ", \"threshold\": " + threshold + ", \"verdict\": \"" + verdict + "\"}";
    }

    private static Document parse(Path page) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(page.toFile());
    }

    private static String text(Document page, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, page).trim();
    }

    private static NodeList nodes(Document page, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
    }
}
