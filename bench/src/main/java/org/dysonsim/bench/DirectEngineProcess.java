package org.dysonsim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
     * The standard output lines of {@code main} run with {@code args}; its standard error passes
     * through. Empty, with the reason on standard error, if it could not run or failed.
     */
    static List<String> output(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-D" + FarField.DIRECT_ONLY_PROPERTY + "=true", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        List<String> lines = new ArrayList<>();
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
            }
            if (process.waitFor() != 0) {
                System.err.println("dyson bench: the direct engine's JVM exited with " + process.exitValue());
                return List.of();
            }
        } catch (IOException e) {
            System.err.println("dyson bench: could not start the direct engine's JVM: " + e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        return lines;
    }
}
