package org.dysonsim.scenarios.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * A directory of per-checkpoint files whose names end in the step: {@code <matrix>_<step>.npy}
 * (what {@code np.save(f"{name}_{step}.npy", w)} gives; {@code grad_<matrix>_<step>.npy} its
 * gradient) and/or {@code <anything>_<step>.npz} holding one rows × cols array per matrix (with
 * {@code grad_<matrix>} and scalars {@code loss}, {@code lr} and {@code batch_size} optional). Every step must hold the same matrices.
 * Matrices saved as separate files are ordered by name, numbers in names by value (fc2 before fc10).
 */
final class CheckpointDirectory {
    private static final Pattern CHECKPOINT = Pattern.compile("(?:(.*?)[_-])?(\\d+)\\.(npy|npz)");
    private static final Pattern DIGITS = Pattern.compile("\\d+|\\D+");
    /** What an npz checkpoint may hold besides matrices: one number each. */
    private static final List<String> SCALARS = List.of("loss", "lr", "batch_size");

    private CheckpointDirectory() {}

    static WeightHistory read(Path dir) throws IOException {
        String shown = dir.toString();
        TreeMap<Long, Map<String, ArraySource>> byStep = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> naturalKey(p.getFileName().toString())))
                    .toList();
        }
        for (Path f : files) {
            Matcher m = CHECKPOINT.matcher(f.getFileName().toString());
            if (!m.matches()) continue;
            long step = Long.parseLong(m.group(2));
            Map<String, ArraySource> arrays = byStep.computeIfAbsent(step, s -> new LinkedHashMap<>());
            Map<String, ArraySource> found = m.group(3).equals("npz") ? NpzArchive.arrays(f)
                    : Map.of(m.group(1) == null ? "W" : m.group(1), new ArraySource(f.toString(),
                            m.group(1) == null ? "W" : m.group(1), () -> Files.newInputStream(f)));
            for (ArraySource a : found.values()) {
                if (arrays.putIfAbsent(a.name(), a) != null) {
                    throw new ScenarioException(a.file(), a.name(), "step " + step + " has this matrix twice (also in "
                            + arrays.get(a.name()).file() + ")");
                }
            }
        }
        if (byStep.isEmpty()) {
            throw new ScenarioException(shown, null, "no checkpoint files: expected names such as fc1_100.npy or ckpt_200.npz");
        }
        Map<String, ArraySource> first = byStep.firstEntry().getValue();
        List<String> names = first.keySet().stream().filter(n -> !SCALARS.contains(n)).toList();
        Map<String, List<ArraySource>> parts = new LinkedHashMap<>();
        for (String n : names) parts.put(n, new ArrayList<>());
        Map<String, double[]> scalars = new LinkedHashMap<>();
        for (String n : SCALARS) if (first.containsKey(n)) scalars.put(n, new double[byStep.size()]);
        int record = 0;
        for (Map.Entry<Long, Map<String, ArraySource>> e : byStep.entrySet()) {
            Map<String, ArraySource> arrays = e.getValue();
            ArraySource any = arrays.values().iterator().next();
            for (String n : arrays.keySet()) {
                if (!SCALARS.contains(n) && !parts.containsKey(n)) {
                    throw new ScenarioException(arrays.get(n).file(), n, "ragged: step " + e.getKey() + " has this matrix, the"
                            + " first step " + byStep.firstKey() + " has not");
                }
            }
            for (String n : names) {
                if (!arrays.containsKey(n)) {
                    throw new ScenarioException(any.file(), n, "ragged: missing at step " + e.getKey() + " (the first step has it)");
                }
                parts.get(n).add(arrays.get(n));
            }
            for (String n : SCALARS) {
                if (scalars.containsKey(n) != arrays.containsKey(n)) {
                    throw new ScenarioException(any.file(), n, "ragged: saved at some steps and not at step " + e.getKey());
                }
                // a loss may be any finite number; a learning rate or batch size must be positive
                if (scalars.containsKey(n)) scalars.get(n)[record] = RecordArrays.perRecord(arrays.get(n), 1, !n.equals("loss"))[0];
            }
            record++;
        }
        List<WeightSeries> weights = new ArrayList<>();
        List<WeightSeries> gradients = new ArrayList<>();
        Map<String, ArraySource> byName = new LinkedHashMap<>();
        for (String n : names) {
            long[] shape = parts.get(n).get(0).header().shape();
            if (shape.length < 2) {
                throw new ScenarioException(parts.get(n).get(0).file(), n, "not a matrix (rows × cols)");
            }
            WeightSeries s = RecordArrays.series(n, shape, parts.get(n));
            if (n.startsWith(RecordArrays.GRADIENT)) gradients.add(s);
            else weights.add(s);
            byName.put(n, parts.get(n).get(0));
        }
        RecordArrays.checkGradients(shown, byName, weights, gradients);
        // gradients in the order of their matrices
        List<WeightSeries> ordered = new ArrayList<>();
        for (WeightSeries w : weights) {
            gradients.stream().filter(g -> g.name().equals(RecordArrays.GRADIENT + w.name())).findFirst().ifPresent(ordered::add);
        }
        long[] steps = byStep.keySet().stream().mapToLong(Long::longValue).toArray();
        return new WeightHistory(shown, "checkpoints", RecordArrays.layout(weights), 1, steps, scalars.get("loss"), weights,
                ordered, RecordArrays.schedule(shown, scalars.get("lr"), scalars.get("batch_size"))).checked();
    }

    /** A name with its runs of digits padded, so that sorting it sorts numbers by value. */
    private static String naturalKey(String name) {
        Matcher m = DIGITS.matcher(name);
        StringBuilder key = new StringBuilder();
        while (m.find()) {
            String part = m.group();
            key.append(Character.isDigit(part.charAt(0)) ? "0".repeat(Math.max(0, 20 - part.length())) + part : part);
        }
        return key.toString();
    }
}
