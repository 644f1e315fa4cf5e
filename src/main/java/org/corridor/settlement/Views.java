package org.corridor.settlement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.money.Currency;

/**
 * API views derived from domain records by name, so that a view only declares the shape the API
 * shows: each component of a view record takes the value of the source's accessor of the same name
 * (or the one {@link From} names), converted mechanically to the component's type. Decimals become
 * plain decimal strings, enums their names, currencies their codes; nested records, lists,
 * optionals and maps are derived element by element. Thread-safe.
 */
final class Views {

    /** The source accessor a view component reads, where the API names it differently. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface From {
        String value();
    }

    /** A view record's canonical constructor and, per component, its type and source accessor name. */
    private record Shape(Constructor<?> constructor, Type[] types, String[] sources) {}

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private Views() {}

    /** The view of {@code source} as a {@code view} record. */
    static <V extends Record> V of(Object source, Class<V> view) {
        Shape shape = SHAPES.computeIfAbsent(view, Views::shape);
        Object[] values = new Object[shape.types().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(read(source, shape.sources()[i]), shape.types()[i]);
        }
        try {
            return view.cast(shape.constructor().newInstance(values));
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + view.getSimpleName(), e);
        }
    }

    /** The views of {@code sources} as {@code view} records, in order. */
    static <V extends Record> List<V> ofEach(Collection<?> sources, Class<V> view) {
        return sources.stream().map(source -> of(source, view)).toList();
    }

    private static Shape shape(Class<?> view) {
        RecordComponent[] components = view.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        Type[] types = new Type[components.length];
        String[] sources = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
            types[i] = components[i].getGenericType();
            From from = components[i].getAnnotation(From.class);
            sources[i] = from == null ? components[i].getName() : from.value();
        }
        try {
            return new Shape(view.getDeclaredConstructor(raw), types, sources);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(view.getSimpleName() + " is not a record", e);
        }
    }

    private static Object read(Object source, String accessor) {
        try {
            Method method = source.getClass().getMethod(accessor);
            return method.invoke(source);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    source.getClass().getSimpleName() + " has no accessor " + accessor + "() for its view", e);
        }
    }

    private static Object convert(Object value, Type type) {
        if (value == null) {
            return null;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class && value instanceof Optional<?> optional) {
                return optional.map(element -> convert(element, arguments[0]));
            }
            if (Collection.class.isAssignableFrom(raw) && value instanceof Collection<?> elements) {
                return elements.stream()
                        .map(element -> convert(element, arguments[0]))
                        .toList();
            }
            if (raw == Map.class && value instanceof Map<?, ?> map) {
                Map<Object, Object> sorted = new TreeMap<>();
                map.forEach((key, entry) -> sorted.put(convert(key, arguments[0]), convert(entry, arguments[1])));
                return sorted;
            }
        } else if (type instanceof Class<?> target) {
            if (target.isInstance(value) || target.isPrimitive()) {
                return value;
            }
            if (target == String.class) {
                if (value instanceof BigDecimal decimal) {
                    return Amounts.plain(decimal);
                }
                if (value instanceof Enum<?> constant) {
                    return constant.name();
                }
                if (value instanceof Currency currency) {
                    return currency.code();
                }
            }
            if (target.isRecord() && value instanceof Record) {
                return of(value, target.asSubclass(Record.class));
            }
        }
        throw new IllegalStateException("cannot show " + value.getClass().getSimpleName() + " as " + type);
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
}
