package org.dysonsim.scenarios.gallery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.dysonsim.scenarios.gallery.ClaimOutcome.Row;
import org.dysonsim.scenarios.gallery.ClaimOutcome.Verdict;
import org.dysonsim.scenarios.report.Decimals;

/**
 * Writes {@code gallery.html}: per claim its sentence, its figure (copied beside the page, so the
 * page stays whole when the data directory moves), the numbers measured against their thresholds,
 * the verdict and the command that reproduces it. The page is well-formed XML (XHTML syntax), so
 * tools and tests can read it with an XML parser.
 */
public final class GalleryPage {
    public static final String FILE = "gallery.html";
    static final String FIGURES = "figures";

    private GalleryPage() {}

    /** Writes the page and its figures into {@code out} (which must exist) and returns the page's path. */
    public static Path write(Path out, List<ClaimOutcome> outcomes, boolean quick) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>dysonsim gallery</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:60em;margin:auto}section{border-top:1px solid #ccc;padding:.5em 0}")
                .append(".reproduced{color:#fff;background:#1a7f37}.not-reproduced{color:#fff;background:#cf222e}")
                .append(".verdict.inconclusive{color:#fff;background:#bc4c00}.no-result{color:#fff;background:#6e7781}.verdict{padding:.1em .4em;border-radius:.2em}")
                .append("td.pass{color:#1a7f37}td.fail{color:#cf222e}td.inconclusive{color:#bc4c00}img{max-width:100%}table{border-collapse:collapse}")
                .append("td,th{padding:.1em .5em;text-align:left}</style></head><body>\n");
        long reproduced = outcomes.stream().filter(o -> o.verdict() == Verdict.REPRODUCED).count();
        long inconclusive = outcomes.stream().filter(o -> o.verdict() == Verdict.INCONCLUSIVE).count();
        h.append("<h1>dysonsim gallery").append(quick ? " (quick)" : "").append("</h1>\n<p>")
                .append(reproduced).append(" of ").append(outcomes.size()).append(" claims reproduced")
                .append(inconclusive > 0 ? ", " + inconclusive + " inconclusive (too small a run to catch a twofold error)." : ".")
                .append(quick ? " Built with <code>--quick</code>: small ensembles, so thresholds are wide." : "")
                .append(" Numbers are read from each run's report.json (or the sweep's study.json).</p>\n");
        for (ClaimOutcome o : outcomes) section(h, out, o);
        h.append("</body></html>\n");
        Path page = out.resolve(FILE);
        Files.writeString(page, h);
        return page;
    }

    private static void section(StringBuilder h, Path out, ClaimOutcome o) throws IOException {
        String css = o.verdict().name().toLowerCase().replace('_', '-');
        h.append("<section id=\"").append(escape(o.claim().id())).append("\">\n<h2>").append(escape(o.claim().id()))
                .append(" <span class=\"verdict ").append(css).append("\">").append(o.verdict().label).append("</span></h2>\n")
                .append("<p class=\"claim\">").append(escape(o.claim().sentence())).append("</p>\n");
        for (Path figure : o.figures()) {
            Path copy = out.resolve(FIGURES).resolve(o.claim().id() + "-" + figure.getFileName());
            Files.createDirectories(copy.getParent());
            Files.copy(figure, copy, StandardCopyOption.REPLACE_EXISTING);
            String src = FIGURES + "/" + copy.getFileName();
            h.append("<p><img src=\"").append(escape(src)).append("\" alt=\"").append(escape(o.claim().id())).append("\"/></p>\n");
        }
        if (!o.rows().isEmpty()) {
            h.append("<table class=\"numbers\"><tr><th>comparison</th><th>statistic</th><th>t</th><th>measured</th>")
                    .append("<th>threshold</th><th>verdict</th></tr>\n");
            for (Row r : o.rows()) {
                String verdict = r.verdict();
                String of = r.count() > 1 ? " (worst of " + r.count() + (r.failed() > 0 ? ", " + r.failed() + " failed" : "")
                        + (r.inconclusive() > 0 ? ", " + r.inconclusive() + " inconclusive" : "") + ")" : "";
                h.append("<tr><td>").append(escape(r.name())).append(escape(of)).append("</td><td>").append(escape(r.statistic()))
                        .append("</td><td>").append(r.t() == null ? "" : Decimals.of(r.t())).append("</td><td class=\"value\">")
                        .append(Decimals.of(r.value(), 4)).append("</td><td class=\"threshold\">").append(Decimals.of(r.threshold(), 4))
                        .append("</td><td class=\"").append(verdict).append("\">").append(verdict).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (o.note() != null) h.append("<p class=\"note\">").append(escape(o.note())).append("</p>\n");
        if (o.source() != null) h.append("<p>From <code>").append(escape(o.source().toString())).append("</code></p>\n");
        h.append("<p>Reproduce: <code class=\"command\">").append(escape(o.command())).append("</code></p>\n</section>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
