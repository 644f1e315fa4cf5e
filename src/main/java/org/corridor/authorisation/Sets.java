package org.corridor.authorisation;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Immutable, sorted copies of sets, so that views and audit entries list members in a stable order. */
final class Sets {

    private Sets() {}

    static <E extends Enum<E>> Set<E> enums(Class<E> type, Collection<E> values) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (values != null) {
            for (E value : values) {
                if (value != null) {
                    copy.add(value);
                }
            }
        }
        return Collections.unmodifiableSet(copy);
    }

    static <T> Set<T> sorted(Collection<T> values, Function<T, String> key) {
        TreeSet<T> copy = new TreeSet<>(Comparator.comparing(key));
        if (values != null) {
            for (T value : values) {
                if (value != null) {
                    copy.add(value);
                }
            }
        }
        return Collections.unmodifiableSet(copy);
    }
}
