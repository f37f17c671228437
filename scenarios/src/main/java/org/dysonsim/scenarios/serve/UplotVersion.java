package org.dysonsim.scenarios.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the uPlot WebJar on the class path, read from its Maven properties (the pom chooses it). */
final class UplotVersion {
    static final String VERSION = read();

    private UplotVersion() {}

    private static String read() {
        try (InputStream in = UplotVersion.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) throw new IllegalStateException("the uPlot WebJar is not on the class path");
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the uPlot WebJar's version: " + e.getMessage(), e);
        }
    }
}
