package org.dysonsim.scenarios.cli;

import com.typesafe.config.Config;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.scenarios.run.ActorEngine;
import org.dysonsim.scenarios.run.RunEngine;

/** The engine the command line runs scenarios on: the actor engine, recording into the data directory's journal. */
final class Engines {
    private Engines() {}

    static RunEngine create(DataDirectory dataDir, Config journal) {
        return ActorEngine.recording(dataDir, journal);
    }
}
