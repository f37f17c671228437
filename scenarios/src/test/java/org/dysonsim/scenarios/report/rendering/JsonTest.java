package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedValuesAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n");
        m.put("x", new double[] {1.5, Double.NaN, 2});
        m.put("l", List.of(1, true));
        m.put("none", null);
        assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\n\",\n  \"x\": [1.5, null, 2],\n  \"l\": [\n    1,\n    true\n  ],\n"
                + "  \"none\": null\n}\n", Json.write(m));
    }
}
