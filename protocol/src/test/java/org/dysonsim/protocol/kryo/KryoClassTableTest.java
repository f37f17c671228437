package org.dysonsim.protocol.kryo;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.dysonsim.protocol.TrajectoryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KryoClassTableTest {

    private static final ClassLoader LOADER = KryoClassTableTest.class.getClassLoader();

    @Test
    void theProtocolModuleRegistersItsClassesInItsReferenceConf() {
        var table = KryoClassTable.fromConfig(ConfigFactory.load(), LOADER);
        assertEquals(TrajectoryEvent.RunStarted.class, table.byId().get(100));
        assertEquals(double[].class, table.byId().get(10));
    }

    @Test
    void twoClassesUnderOneIdAreRefused() {
        var e = refused("""
                dysonsim.kryo.classes { "java.lang.Thread$State" = 150, "java.time.DayOfWeek" = 150 }
                """);
        assertTrue(e.getMessage().contains("id 150 is given to both"), e.getMessage());
    }

    @Test
    void aClassNotOnTheClassPathIsLeftOutAndListed() {
        Config config = ConfigFactory.parseString("dysonsim.kryo.classes { \"org.dysonsim.Gone\" = 199 }")
                .withFallback(ConfigFactory.load());
        var table = KryoClassTable.fromConfig(config, LOADER);
        assertEquals("org.dysonsim.Gone", table.absent().get(199));
        assertEquals(null, table.byId().get(199));
        // every class registered today lives in protocol, so nothing of the real table is absent
        assertEquals(List.of(199), List.copyOf(table.absent().keySet()));
    }

    @Test
    void aNameThatIsNoClassNameIsRefused() {
        var e = refused("dysonsim.kryo.classes { \"org.dysonsim.Gone Away\" = 198 }"); // a free id: the name alone is wrong
        assertTrue(e.getMessage().contains("not a binary class name"), e.getMessage());
    }

    @Test
    void idsOfTheBuiltInRangeAndNonIntegersAreRefused() {
        assertTrue(refused("dysonsim.kryo.classes { \"java.time.DayOfWeek\" = 12 }").getMessage().contains("below 100"));
        assertTrue(refused("dysonsim.kryo.classes { \"java.time.DayOfWeek\" = 1.5 }").getMessage().contains("integer"));
    }

    @Test
    void anActorSystemWithABadTableDoesNotStart() {
        Config bad = ConfigFactory.parseString("dysonsim.kryo.classes { \"org.dysonsim.Gone\" = 15 }")
                .withFallback(ActorTestKit.applicationTestConfig());
        Throwable e = assertThrows(Throwable.class, () -> ActorTestKit.create("bad-table", bad).shutdownTestKit());
        while (e.getCause() != null && !(e instanceof IllegalArgumentException)) {
            e = e.getCause();
        }
        assertTrue(e.getMessage().contains("org.dysonsim.Gone"), e.getMessage());
    }

    private static IllegalArgumentException refused(String hocon) {
        Config config = ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load());
        return assertThrows(IllegalArgumentException.class, () -> KryoClassTable.fromConfig(config, LOADER));
    }
}
