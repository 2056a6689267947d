package dev.poolhit.kd.protocol;

import java.util.Optional;
import java.util.function.ToIntFunction;

/** Finds the constant of a wire enum by the number the wire carries (API number, packet type, status...). */
final class WireNumbers {
    private WireNumbers() {}

    static <E extends Enum<E>> Optional<E> find(E[] constants, ToIntFunction<E> number, int wanted) {
        for (E constant : constants) {
            if (number.applyAsInt(constant) == wanted) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
