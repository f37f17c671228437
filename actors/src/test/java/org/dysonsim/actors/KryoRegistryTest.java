package org.dysonsim.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dysonsim.protocol.BlockCommand;
import org.dysonsim.protocol.BlockHostCommand;
import org.dysonsim.protocol.ClockCommand;
import org.dysonsim.protocol.EnsembleCommand;
import org.dysonsim.protocol.LossCommand;
import org.dysonsim.protocol.MatrixLossCommand;
import org.dysonsim.protocol.MemberCommand;
import org.dysonsim.protocol.RecorderCommand;
import org.dysonsim.protocol.RecorderJournalCommand;
import org.dysonsim.protocol.TrajectoryEvent;
import org.dysonsim.protocol.WeightMatrixCommand;
import org.dysonsim.protocol.Wire;
import org.dysonsim.protocol.kryo.KryoClassTable;
import org.junit.jupiter.api.Test;

/**
 * The one Kryo registry (protocol's reference.conf) against the whole class path of the engine:
 * every name in it is a class of the project, and every message of the protocol, with every
 * class of the project inside it, has an id.
 */
class KryoRegistryTest {

    private static final KryoClassTable TABLE =
            KryoClassTable.fromConfig(ConfigFactory.load(), KryoRegistryTest.class.getClassLoader());

    @Test
    void everyRegisteredNameIsAClassOnTheEnginesClassPath() {
        assertEquals(Map.of(), TABLE.absent(), "registered names with no class");
    }

    @Test
    void theRegistryIsTheOnlyPlaceIdsAreGiven() throws Exception {
        var urls = KryoRegistryTest.class.getClassLoader().getResources("reference.conf");
        Set<String> giving = new TreeSet<>();
        int modules = 0;
        while (urls.hasMoreElements()) {
            var url = urls.nextElement();
            if (!url.toString().contains("/target/")) continue; // a library's, not one of this project's modules
            modules++;
            if (ConfigFactory.parseURL(url).hasPath(KryoClassTable.CONFIG_PATH)) giving.add(url.toString());
        }
        assertTrue(modules >= 3, "the project's modules are on the class path");
        assertEquals(1, giving.size(), "reference.conf files giving Kryo ids: " + giving);
        assertTrue(giving.iterator().next().contains("/protocol/target/"), giving.toString());
    }

    @Test
    void everyProtocolMessageAndWhatItCarriesHasAnId() {
        Set<Class<?>> registered = new HashSet<>(TABLE.byId().values());
        Set<String> missing = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(BlockCommand.class, BlockHostCommand.class, ClockCommand.class,
                EnsembleCommand.class, LossCommand.class, MatrixLossCommand.class, MemberCommand.class,
                RecorderCommand.class, RecorderJournalCommand.class, TrajectoryEvent.class, WeightMatrixCommand.class,
                org.dysonsim.protocol.MemberEntityCommand.class, org.dysonsim.protocol.StudyCommand.class));
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type) || !type.getName().startsWith("org.dysonsim.")) continue;
            if (type.isSealed()) todo.addAll(List.of(type.getPermittedSubclasses()));
            if (!type.isInterface() && !registered.contains(type)) missing.add(type.getName());
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) todo.add(c.getType());
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Wire.class.isAssignableFrom(nested)) todo.add(nested);
            }
        }
        assertEquals(Set.of(), missing, "protocol classes without a Kryo id");
        assertTrue(seen.contains(org.dysonsim.protocol.BlockSetup.class) && seen.contains(org.dysonsim.protocol.DriftLaw.class));
    }
}
