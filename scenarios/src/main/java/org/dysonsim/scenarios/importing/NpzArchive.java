package org.dysonsim.scenarios.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dysonsim.scenarios.config.ScenarioException;

/**
 * The arrays of a NumPy {@code .npz}: a zip (stored or deflated) of {@code .npy} members, in the
 * order they were saved. Each array is read through a stream of its own, so several can be read
 * side by side without unpacking anything.
 */
final class NpzArchive {
    private NpzArchive() {}

    /** The arrays by name (the member name without {@code .npy}), in archive order. */
    static Map<String, ArraySource> arrays(Path npz) throws IOException {
        String file = npz.toString();
        Map<String, ArraySource> arrays = new LinkedHashMap<>();
        try (ZipFile zip = open(npz)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String member = entry.getName();
                if (entry.isDirectory() || !member.endsWith(".npy")) continue;
                String name = member.substring(0, member.length() - 4);
                arrays.put(name, new ArraySource(file, name, () -> member(npz, member)));
            }
        }
        if (arrays.isEmpty()) throw new ScenarioException(file, null, "the archive holds no .npy arrays");
        return arrays;
    }

    private static ZipFile open(Path npz) throws IOException {
        try {
            return new ZipFile(npz.toFile());
        } catch (ZipException e) {
            throw new ScenarioException(npz.toString(), null, "not a zip archive, or truncated (an .npz is a zip of .npy"
                    + " arrays): " + e.getMessage());
        }
    }

    /** One member's bytes; closing the stream closes the archive it was opened from. */
    private static InputStream member(Path npz, String member) throws IOException {
        ZipFile zip = open(npz);
        ZipEntry entry = zip.getEntry(member);
        if (entry == null) {
            zip.close();
            throw new ScenarioException(npz.toString(), member, "the member disappeared from the archive while it was read");
        }
        return new FilterInputStream(zip.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
