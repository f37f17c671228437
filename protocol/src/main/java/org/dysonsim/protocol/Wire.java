package org.dysonsim.protocol;

/**
 * Marker of every message and event that may cross a node boundary or enter the journal.
 * It is bound to the Kryo serializer; every implementing class is registered with a stable
 * numeric id, so renaming or moving a class never breaks a stored journal.
 */
public interface Wire {}
