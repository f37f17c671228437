package org.dysonsim.physics.rng;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the engine's random words to stdout as raw little-endian 32-bit integers, without end,
 * for a statistical battery reading a pipe (docs/rng-tests.md):
 * {@code java -cp physics/target/classes:physics/target/test-classes org.dysonsim.physics.rng.EngineWords
 * [SEED [ORDER]] | dieharder -g 200 -a}. The words come in the order a run draws them: ORDER
 * {@code modes} (default) walks step by step over 64 modes of member 0 at stream 0; {@code members}
 * walks step by step over 64 members (64 keys) of mode 0, the order that stresses the key schedule.
 */
public final class EngineWords {
    private static final int SPAN = 64;

    private EngineWords() {}

    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1L;
        boolean acrossMembers = args.length > 1 && args[1].equals("members");
        ByteBuffer buffer = ByteBuffer.allocate(SPAN * 16).order(ByteOrder.LITTLE_ENDIAN);
        int[] words = new int[4];
        try (OutputStream out = new FileOutputStream(FileDescriptor.out)) {
            for (long step = 0; ; step++) {
                buffer.clear();
                for (int k = 0; k < SPAN; k++) {
                    if (acrossMembers) CounterRng.block(seed, k, 0, step, 0, words);
                    else CounterRng.block(seed, 0, k, step, 0, words);
                    for (int w : words) buffer.putInt(w);
                }
                out.write(buffer.array(), 0, buffer.position());
            }
        } catch (IOException closed) {
            // the battery has read what it needs and closed the pipe
        }
    }
}
