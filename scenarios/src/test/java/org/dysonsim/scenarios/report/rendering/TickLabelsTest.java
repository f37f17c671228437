package org.dysonsim.scenarios.report.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickLabelsTest {
    @Test
    void labelsKeepTheLeadingZeroAndDropGroupingAndFloatingPointTails() {
        assertEquals("0.08", TickLabels.label(0.08));
        assertEquals("1200", TickLabels.label(1200.0));
        assertEquals("0.3", TickLabels.label(0.1 + 0.2));
        assertEquals("15.002", TickLabels.label(15.002000000000001));
        assertEquals("-0.5", TickLabels.label(-0.5));
        assertEquals("0", TickLabels.label(-0.1 + 0.1 + 2.7e-17));
    }

    @Test
    void veryLargeOrSmallLabelsAreScientific() {
        assertEquals("2.5e-5", TickLabels.label(2.5e-5));
        assertEquals("3e7", TickLabels.label(3e7));
    }
}
