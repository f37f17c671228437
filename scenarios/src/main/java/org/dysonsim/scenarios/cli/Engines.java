package org.dysonsim.scenarios.cli;

import java.nio.file.Path;
import org.dysonsim.scenarios.run.PlainLoopEngine;
import org.dysonsim.scenarios.run.RunEngine;

/** The engine the command line runs scenarios on. */
final class Engines {
    private Engines() {}

    static RunEngine create(Path dataDir) {
        return new PlainLoopEngine();
    }
}
