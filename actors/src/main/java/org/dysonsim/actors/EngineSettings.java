package org.dysonsim.actors;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The engine's tuning, from {@code dysonsim.engine} (defaults in this module's reference.conf).
 *
 * @param maxRestarts         restarts of a member's actors from its last snapshot before it fails
 * @param askTimeout          how long any request (to a recorder) may go unanswered
 * @param stallTimeout        how long a member's actors may go without finishing a nominal step
 * @param membersInFlight     members of an ensemble simulated at the same time
 * @param advanceChunk        the most nominal steps one block advances per message without exchange
 * @param singleBlockFastPath a gas owned by one block advances with the plain stepper, no per-step messages
 * @param codeVersion         written into every RunStarted event
 */
record EngineSettings(int maxRestarts, Duration askTimeout, Duration stallTimeout, int membersInFlight,
                      int advanceChunk, boolean singleBlockFastPath, String codeVersion) {

    static EngineSettings from(Config config) {
        Config c = config.getConfig("dysonsim.engine");
        return new EngineSettings(c.getInt("max-restarts"), c.getDuration("ask-timeout"),
                c.getDuration("stall-timeout"), c.getInt("members-in-flight"), c.getInt("advance-chunk"),
                c.getBoolean("single-block-fast-path"), c.getString("code-version"));
    }
}
