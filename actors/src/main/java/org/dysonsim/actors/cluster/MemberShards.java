package org.dysonsim.actors.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.ShardingMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.dysonsim.persistence.PersistenceIds;
import org.dysonsim.protocol.MemberEntityCommand;

/**
 * The Cluster Sharding of ensemble members: entity id = the member's persistence id
 * {@code run|<run-id>|<member>}, shard = member modulo the number of shards, so consecutive
 * members land in different shards and Pekko's least-shard allocation spreads them over the
 * workers. Entities live on nodes of role {@link NodeSettings#WORKER}; elsewhere the region is a proxy.
 */
public final class MemberShards {
    public static final EntityTypeKey<MemberEntityCommand> TYPE =
            EntityTypeKey.create(MemberEntityCommand.class, "ensemble-member");

    private MemberShards() {}

    /** Starts (or returns) this node's shard region of members. */
    public static ActorRef<ShardingEnvelope<MemberEntityCommand>> init(ActorSystem<?> system) {
        int shards = system.settings().config().getInt("pekko.cluster.sharding.number-of-shards");
        return ClusterSharding.get(system).init(Entity.of(TYPE, context -> MemberEntity.create())
                .withRole(NodeSettings.WORKER)
                .withMessageExtractor(new Extractor(shards)));
    }

    /** The entity id of a member. */
    static String entityId(String runId, int member) {
        return PersistenceIds.persistenceId(runId, member);
    }

    private static final class Extractor
            extends ShardingMessageExtractor<ShardingEnvelope<MemberEntityCommand>, MemberEntityCommand> {
        private final int shards;

        Extractor(int shards) {
            this.shards = shards;
        }

        @Override
        public String entityId(ShardingEnvelope<MemberEntityCommand> envelope) {
            return envelope.entityId();
        }

        @Override
        public String shardId(String entityId) {
            int member = Integer.parseInt(entityId.substring(entityId.lastIndexOf('|') + 1));
            return Integer.toString(member % shards);
        }

        @Override
        public MemberEntityCommand unwrapMessage(ShardingEnvelope<MemberEntityCommand> envelope) {
            return envelope.message();
        }
    }
}
