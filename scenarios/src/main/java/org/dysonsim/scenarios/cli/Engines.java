package org.dysonsim.scenarios.cli;

import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.run.PlainLoopEngine;
import org.dysonsim.scenarios.run.RunEngine;

/** The engine the command line runs scenarios on. */
final class Engines {
    private Engines() {}

    static RunEngine create(DataDirectory dataDir) {
        return new PlainLoopEngine();
    }
}
