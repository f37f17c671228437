package org.dysonsim.scenarios.importing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where one {@code .npy} array's bytes are (a file of its own, a member of an {@code .npz}); it can
 * be read from its start again, so an import reads it once to check it and once to record it.
 *
 * @param file the file named in messages
 * @param name the array's name (an npz member without {@code .npy}, or the file's stem)
 */
public record ArraySource(String file, String name, Opener opener) {

    /** Opens a fresh stream at the first byte of the .npy header. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** The array's header, read from a fresh stream. */
    public NpyHeader header() throws IOException {
        try (InputStream in = open()) {
            return NpyHeader.read(in, file, name);
        }
    }
}
