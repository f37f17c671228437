package org.dysonsim.actors;

/**
 * Over how many cluster nodes a member's eigenvalue blocks are spread ({@link RunSpec.Placement#nodes()},
 * round-robin over the nodes' {@link BlockHost}s, this node first). 1, the default, keeps every
 * block beside its supervisor. Like the block size a tuning knob: the far field is summed per
 * 64-particle tile in tile order whoever computes it, so results are bit-identical for any placement.
 */
final class BlockPlacement {

    private BlockPlacement() {}

    static int nodesOf(RunSpec spec) {
        return Math.max(1, spec.placement().nodes());
    }
}
