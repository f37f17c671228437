package org.dysonsim.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ids new runs are given: {@code <name>-<yyyyMMdd-HHmmss UTC>} for a study; a sweep's runs
 * append {@code -s<k>} (k from 1, in sweep order), so every run of a study shares its prefix. A study id
 * already used in the data directory gets {@code -2}, {@code -3}, ... appended.
 */
public final class RunNaming {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunNaming() {}

    /** Longest name kept in a run id, leaving room for the stamp and suffixes within the journal's 128. */
    private static final int MAX_NAME = 80;

    /** The scenario name reduced to what a run id allows: letters, digits, '.', '_', '-', starting with a letter or digit. */
    public static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-._]+|-+$", "");
        if (s.length() > MAX_NAME) s = s.substring(0, MAX_NAME);
        return s.isEmpty() ? "run" : s;
    }

    public static String study(Path dataDir, String name, Instant now) {
        String base = safeName(name) + "-" + STAMP.format(now);
        List<String> taken = existing(dataDir);
        String candidate = base;
        for (int k = 2; used(candidate, taken); k++) candidate = base + "-" + k;
        return candidate;
    }

    /** The run ids of a study of {@code runs} runs. */
    public static List<String> runs(String study, int runs) {
        if (runs == 1) return List.of(study);
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= runs; k++) out.add(study + "-s" + k);
        return out;
    }

    private static boolean used(String candidate, List<String> taken) {
        for (String t : taken) {
            if (t.equals(candidate) || t.startsWith(candidate + "-")) return true;
        }
        return false;
    }

    private static List<String> existing(Path dataDir) {
        if (!Files.isDirectory(dataDir)) return List.of();
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
