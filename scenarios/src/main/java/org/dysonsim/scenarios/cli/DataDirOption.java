package org.dysonsim.scenarios.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir DIR}, shared by every subcommand (mix it in with {@code @Mixin}). */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./runs",
            description = "where runs are stored (default: ${DEFAULT-VALUE})")
    Path dataDir;

    public Path path() {
        return dataDir;
    }
}
