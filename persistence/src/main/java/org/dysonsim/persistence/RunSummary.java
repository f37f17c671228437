package org.dysonsim.persistence;

/**
 * One row of {@code dyson list}.
 *
 * @param scenario    the scenario's {@code name}, "?" if the run did not record one
 * @param members     members that recorded anything
 * @param stepsDone   the last recorded step of the least advanced member
 * @param bytesOnDisk the run's directory plus its journal and snapshot payloads
 */
public record RunSummary(String runId, String scenario, RunStatus status, int members, long stepsDone,
                         long bytesOnDisk) {}
