package org.dysonsim.scenarios.config;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Set;

/**
 * A scenario as loaded: one resolved configuration per run (one, or one per sweep combination).
 *
 * @param file      the scenario file as the user named it, for messages
 * @param runs      fully resolved configurations, defaults included, in sweep order
 * @param sweepKeys the swept keys, alphabetical (the last varies fastest); empty without a sweep
 * @param givenKeys the keys the user set (file, --set and sweep), as opposed to defaults
 * @param commonNoise {@code sweep.common-noise}: every point keeps the scenario's seed (else each draws its own)
 */
public record Study(String file, List<Config> runs, List<String> sweepKeys, Set<String> givenKeys, boolean commonNoise) {}
