package org.dysonsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * The time of one NumPy explicit Euler step of the benchmark gas, every pair summed: the script
 * {@code numpy_euler.py} beside this class (in the bench module's resources), fed to
 * {@code python3 -} on standard input so that it needs no file on disk.
 */
final class NumpyEulerStep {
    private static final String SCRIPT = "numpy_euler.py";

    private NumpyEulerStep() {}

    /**
     * Milliseconds per NumPy step at {@code n} (median of five blocks of {@code steps}), or empty
     * with {@code why[0]} saying why (python3 or NumPy missing, the script failed).
     */
    static OptionalDouble millis(int n, int steps, String[] why) {
        try (InputStream script = NumpyEulerStep.class.getResourceAsStream(SCRIPT)) {
            if (script == null) {
                why[0] = SCRIPT + " is not in the bench jar";
                return OptionalDouble.empty();
            }
            Process python = new ProcessBuilder("python3", "-", Integer.toString(n), Integer.toString(steps))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = python.getOutputStream()) {
                script.transferTo(in);
            }
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int exit = python.waitFor();
            if (exit == 3) why[0] = "NumPy is not installed";
            else if (exit != 0) why[0] = "python3 exited with " + exit;
            else return OptionalDouble.of(Double.parseDouble(out));
        } catch (IOException e) {
            why[0] = "python3 could not be started (" + e.getMessage() + ")";
        } catch (NumberFormatException e) {
            why[0] = "the NumPy script printed no time";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why[0] = "interrupted";
        }
        return OptionalDouble.empty();
    }
}
