package org.dysonsim.protocol.kryo;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

/** Value equality of records that hold arrays (a record's own equals compares arrays by identity). */
final class RecordEquality {

    private RecordEquality() {}

    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        if (!a.getClass().isRecord()) {
            return Objects.equals(a, b);
        }
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            try {
                if (!same(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return true;
    }
}
