package org.dysonsim.physics.laws;

import org.hipparchus.special.Erf;

/** {@code 1 + erf(u)} without cancellation in the left tail (where it is {@code erfc(−u)}). */
final class Erfc {
    private Erfc() {}

    static double upperHalf(double u) {
        return u < 0.0 ? Erf.erfc(-u) : 1.0 + Erf.erf(u);
    }
}
