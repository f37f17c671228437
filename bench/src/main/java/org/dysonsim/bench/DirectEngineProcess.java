package org.dysonsim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dysonsim.physics.gas.FarField;

/**
 * A bench program run in a JVM of its own (same java, same class path) with
 * {@link FarField#DIRECT_ONLY_PROPERTY} set: the engine with the direct tiles at every N, as it
 * was before the fast sum. The property is read once per JVM, so the two engines cannot share one.
 */
final class DirectEngineProcess {
    private DirectEngineProcess() {}

    /**
     * The standard output lines of {@code main} run with {@code args}. Empty if it could not run or
     * failed, with the reason and its standard error (otherwise left out: start-up logging) on ours.
     */
    static List<String> output(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-D" + FarField.DIRECT_ONLY_PROPERTY + "=true", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        List<String> lines = new ArrayList<>();
        Path errors = null;
        try {
            errors = Files.createTempFile("dyson-bench-direct-", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
            }
            if (process.waitFor() != 0) {
                System.err.println("dyson bench: the direct engine's JVM exited with " + process.exitValue() + ":");
                Files.readAllLines(errors, StandardCharsets.UTF_8).forEach(System.err::println);
                return List.of();
            }
        } catch (IOException e) {
            System.err.println("dyson bench: could not run the direct engine's JVM: " + e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            if (errors != null) errors.toFile().delete();
        }
        return lines;
    }
}
