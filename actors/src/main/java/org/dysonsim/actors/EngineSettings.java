package org.dysonsim.actors;

import com.typesafe.config.Config;
import java.time.Duration;
import org.dysonsim.physics.gas.StepSizeRule;

/**
 * The engine's tuning, from {@code dysonsim.engine} (defaults in this module's reference.conf).
 *
 * @param maxRestarts         restarts of a member's actors from its last snapshot before it fails
 * @param askTimeout          how long any request (to a recorder) may go unanswered
 * @param stallTimeout        how long a member's actors may go without finishing a nominal step
 * @param membersInFlight     members of an ensemble simulated at the same time
 * @param advanceChunk        the most nominal steps one block advances per message without exchange
 * @param advancePairBudget   fewer steps per such message when they would cost more pair evaluations
 * @param singleBlockFastPath a member of one block is simulated by its clock with the plain stepper, no per-step messages
 * @param codeVersion         written into every RunStarted event
 * @param recordBacklog       snapshots a member may have sent its recorder and not yet seen durable before it
 *                            pauses (the most recorded work a kill can lose, beyond the step being simulated)
 */
public record EngineSettings(int maxRestarts, Duration askTimeout, Duration stallTimeout, int membersInFlight,
                             int advanceChunk, double advancePairBudget, boolean singleBlockFastPath, String codeVersion,
                             int recordBacklog) {

    public static EngineSettings from(Config config) {
        Config c = config.getConfig("dysonsim.engine");
        return new EngineSettings(c.getInt("max-restarts"), c.getDuration("ask-timeout"),
                c.getDuration("stall-timeout"), c.getInt("members-in-flight"), c.getInt("advance-chunk"),
                c.getDouble("advance-pair-budget"), c.getBoolean("single-block-fast-path"), c.getString("code-version"),
                c.getInt("record-backlog"));
    }

    /** Above this many levels a system takes fewer members in flight ({@link #membersInFlight(int)}). */
    static final int FULL_FLIGHT_N = 1024;

    /**
     * Members simulated at once for systems of {@code n} levels: {@link #membersInFlight} up to
     * {@link #FULL_FLIGHT_N} levels, above it that many times FULL_FLIGHT_N/n (at least two per
     * core). The members share the cores; when drawing a start or a nominal step costs seconds (a
     * GOE start of 16 384 levels takes about 5 s), dozens of them at once would keep each waiting,
     * and its recorder's answers with it, beyond the ask and stall timeouts. Results do not
     * depend on it.
     */
    int membersInFlight(int n) {
        if (n <= FULL_FLIGHT_N) return membersInFlight;
        int perCore = 2 * Runtime.getRuntime().availableProcessors();
        return (int) Math.max(Math.min(membersInFlight, perCore), (long) membersInFlight * FULL_FLIGHT_N / n);
    }

    /**
     * Nominal steps per advance message for a block of {@code size} eigenvalues: at most
     * {@link #advanceChunk}, and at most the pair budget over the worst-case cost of a step
     * ({@code size²} pairs in each of {@code 2^maxLevel} sub-steps).
     */
    int advanceSteps(int size, StepSizeRule rule) {
        double perStep = (double) size * size * Math.pow(2, rule.finestLevel());
        return (int) Math.max(1, Math.min(advanceChunk, advancePairBudget / perStep));
    }
}
