package org.dysonsim.actors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dysonsim.physics.network.LabelledImages;

/**
 * The image files of network members, read once per process and shared (read-only) by every
 * member and generation that trains on the same directory.
 */
final class NetworkImages {
    private static final Map<String, LabelledImages> READ = new ConcurrentHashMap<>();

    private NetworkImages() {}

    /** Part {@code part} ("train" or "t10k") of the files in {@code directory}. */
    static LabelledImages of(String directory, String part) {
        return READ.computeIfAbsent(directory + "|" + part, key -> {
            try {
                return LabelledImages.read(Path.of(directory), part);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
    }
}
