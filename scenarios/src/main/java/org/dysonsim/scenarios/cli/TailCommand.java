package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dysonsim.physics.tails.Alternative;
import org.dysonsim.physics.tails.FittedModel;
import org.dysonsim.physics.tails.LikelihoodRatio;
import org.dysonsim.physics.tails.TailAnalysis;
import org.dysonsim.physics.tails.UpperTruncation;
import org.dysonsim.scenarios.report.rendering.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dyson tail FILE}: the power-law tail analysis of a list of numbers (docs/physics.md §8), as one JSON object. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Fit a power-law tail to numbers (one per line; blank lines and # comments ignored) as Clauset,"
                + " Shalizi and Newman define it, test it against the usual alternatives and print one JSON object."})
final class TailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "one number per line")
    Path file;

    @Option(names = "--discrete", description = "the numbers are integers: fit the discrete (Hurwitz-zeta) power law")
    boolean discrete;

    @Option(names = "--bootstrap", paramLabel = "K", defaultValue = "0",
            description = "bootstrap sets for the goodness-of-fit p-value (precision ±sqrt(p(1-p)/K); 0, the default, skips it)")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the bootstrap sets (default 1)")
    long seed;

    @Option(names = "--xmin", paramLabel = "X", description = "start the tail at X instead of choosing x_min by KS")
    Double xMin;

    @Override
    public Integer call() {
        if (bootstrap < 0) throw new BadInputException("--bootstrap must be >= 0, got " + bootstrap);
        double[] data = read(file, discrete);
        TailAnalysis a;
        try {
            a = TailAnalysis.of(data, discrete, xMin == null ? Double.NaN : xMin, bootstrap, seed,
                    Runtime.getRuntime().availableProcessors());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        spec.commandLine().getOut().print(Json.write(json(a, seed)));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    /** The numbers of the file; a line that is not one is bad input naming the file and line. */
    static double[] read(Path file, boolean integers) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) continue;
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v)) throw new BadInputException(file + ": line " + (i + 1) + ": \"" + text + "\" is not a finite number");
            if (integers && v != Math.rint(v)) throw new BadInputException(file + ": line " + (i + 1) + ": " + text + " is not an integer (--discrete)");
            values.add(v);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static Map<String, Object> json(TailAnalysis a, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", a.powerLaw().size());
        out.put("discrete", a.powerLaw().discrete());
        out.put("alpha", a.powerLaw().alpha());
        out.put("alpha_se", a.powerLaw().alphaSe());
        out.put("xmin", a.powerLaw().xMin());
        out.put("n_tail", a.powerLaw().tailSize());
        out.put("ks_distance", a.powerLaw().ksDistance());
        out.put("p_value", a.bootstrap() == null ? null : a.bootstrap().pValue());
        out.put("p_value_precision", a.bootstrap() == null ? null : a.bootstrap().precision());
        out.put("bootstrap_sets", a.bootstrap() == null ? 0 : a.bootstrap().sets());
        out.put("seed", seed);
        Map<String, Object> comparisons = new LinkedHashMap<>();
        for (Alternative alt : Alternative.values()) {
            LikelihoodRatio t = a.comparisons().get(alt);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("R", t.normalised());
            c.put("p", t.pValue());
            c.put("log_likelihood_ratio", t.logRatio());
            c.put("test", t.nested() ? "nested, chi-squared 1" : "Vuong, two-sided");
            c.put("parameters", parameters(a.alternatives().get(alt)));
            comparisons.put(alt.key(), c);
        }
        out.put("comparisons", comparisons);
        UpperTruncation u = a.upperTruncation();
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("xmax", u.xMax());
        top.put("p_max", u.pMax());
        top.put("clipped", u.clipped());
        top.put("alpha", u.alpha());
        top.put("alpha_se", u.alphaSe());
        out.put("upper_truncation", top);
        out.put("verdict", a.verdict().label());
        return out;
    }

    private static Map<String, Object> parameters(FittedModel m) {
        String[] names = switch (m.law()) {
            case EXPONENTIAL -> new String[] {"lambda"};
            case LOGNORMAL -> new String[] {"mu", "sigma"};
            case STRETCHED_EXPONENTIAL -> new String[] {"beta", "lambda"};
            case TRUNCATED_POWER_LAW -> new String[] {"alpha", "lambda"};
        };
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) p.put(names[i], m.parameters()[i]);
        return p;
    }
}
