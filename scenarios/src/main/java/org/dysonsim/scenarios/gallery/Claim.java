package org.dysonsim.scenarios.gallery;

import java.util.List;

/**
 * One claim of the papers the gallery shows: the shipped scenario that carries it, the comparisons
 * of its report that test it, and the figure that shows it.
 *
 * @param id          short name, used by {@code --claims} and in file names
 * @param sentence    the claim, as one sentence for the page
 * @param scenario    the shipped scenario's file name without {@code .conf}
 * @param source      where the comparisons are: each run's report.json or the sweep's study.json
 * @param comparisons for {@link Source#REPORT}, prefixes of comparison names (each group is one row);
 *                    for {@link Source#STUDY}, the study.json keys of the checks; for
 *                    {@link Source#LAYERS}, bounds on every layer's final numbers in the report's
 *                    {@code network.layers}, as {@code "KEY < X"} or {@code "KEY > X"}
 * @param figure      for {@link Source#REPORT}, the prefix of the wanted plot's name in report.json
 *                    (the last such plot, the latest time, is shown); for {@link Source#STUDY}, a png
 *                    of the study directory
 * @param quick       the {@code --set} overrides of {@code --quick}
 */
public record Claim(String id, String sentence, String scenario, Source source, List<String> comparisons, String figure,
                    List<String> quick) {

    /**
     * Where a claim's comparisons are written: the comparisons of each run's report.json, the
     * checks of the sweep's study.json, or the final numbers of each layer of a network run's
     * report.json held to the claim's bounds.
     */
    public enum Source { REPORT, STUDY, LAYERS }

    public Claim {
        comparisons = List.copyOf(comparisons);
        quick = List.copyOf(quick);
    }

    /** The overrides a gallery of this size runs the scenario with. */
    public List<String> overrides(boolean quickGallery) {
        return quickGallery ? quick : List.of();
    }

    /** The command line that reproduces the claim from the repository's root. */
    public String command(boolean quickGallery) {
        StringBuilder c = new StringBuilder("./dyson run scenarios/" + scenario + ".conf");
        for (String o : overrides(quickGallery)) c.append(" --set ").append(o);
        return c.toString();
    }
}
