package org.dysonsim.protocol;

/** The protocol of an ensemble: what its member supervisors report. */
public sealed interface EnsembleCommand extends Wire
        permits EnsembleCommand.MemberProgress, EnsembleCommand.MemberFinished {

    /** Member {@code member} has done {@code step} nominal steps. */
    record MemberProgress(int member, long step) implements EnsembleCommand {}

    /**
     * Member {@code member} is done: how often its actors were restarted, and its failure (null on
     * success). Its trajectory is in its journal, not here.
     */
    record MemberFinished(int member, int restarts, String failure) implements EnsembleCommand {}
}
