package org.dysonsim.actors.cluster;

import com.typesafe.config.Config;
import java.util.List;
import org.apache.pekko.cluster.ConfigValidation;
import org.apache.pekko.cluster.Invalid;
import org.apache.pekko.cluster.JoinConfigCompatChecker;
import org.apache.pekko.cluster.Valid$;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Pekko's join-time configuration check ({@code pekko.cluster.configuration-compatibility-check})
 * for the wire protocol: a node whose {@value #KEY} differs from the cluster's is refused, and
 * both sides log one line saying why. Messages are Kryo records registered by id; a node built
 * from other message definitions would misread them instead of failing.
 */
public final class ProtocolVersionCheck extends JoinConfigCompatChecker {
    public static final String KEY = "dysonsim.cluster.protocol-version";

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolVersionCheck.class);

    @Override
    public scala.collection.immutable.Seq<String> requiredKeys() {
        return CollectionConverters.asScala(List.of(KEY)).toList();
    }

    /** @param toCheck the other node's settings of {@link #requiredKeys}, {@code actual} this node's */
    @Override
    public ConfigValidation check(Config toCheck, Config actual) {
        String theirs = toCheck.hasPath(KEY) ? toCheck.getValue(KEY).unwrapped().toString() : "none";
        String ours = actual.getValue(KEY).unwrapped().toString();
        if (theirs.equals(ours)) return Valid$.MODULE$;
        String line = "refusing to form a cluster with a node of dysonsim protocol version " + theirs
                + ": this node speaks version " + ours + " (" + KEY + "); run the same dysonsim build on every node";
        LOG.error(line);
        return new Invalid(CollectionConverters.asScala(List.of(line)).toList());
    }
}
