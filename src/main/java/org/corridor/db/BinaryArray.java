package org.corridor.db;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A one-dimensional uuid[] or bigint[] parameter sent in PostgreSQL's binary array format, so that
 * the server copies the elements instead of parsing thousands of them from text (measured: parsing
 * the text arrays of a batch cost about a tenth of PostgreSQL's time). The driver sends it in binary
 * when the connection enables binary transfer for the type (bigint[] always; uuid[] with
 * {@code binaryTransferEnable=UUID_ARRAY}, as {@code Database} sets), and as text otherwise.
 */
public final class BinaryArray extends PGobject implements PGBinaryObject, Argument {

    private static final long serialVersionUID = 1L;
    private static final int UUID_OID = 2950;
    private static final int BIGINT_OID = 20;
    private static final int HEADER = 20;

    private final transient byte[] bytes;
    private final transient Supplier<Stream<String>> elements;
    private final int count;

    private BinaryArray(String type, byte[] bytes, int count, Supplier<Stream<String>> elements) {
        this.type = type;
        this.bytes = bytes;
        this.count = count;
        this.elements = elements;
    }

    public static BinaryArray uuids(Collection<UUID> ids) {
        ByteBuffer buffer = header(ids.size(), UUID_OID, 16);
        for (UUID id : ids) {
            buffer.putInt(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        List<UUID> copy = List.copyOf(ids);
        return new BinaryArray(
                "_uuid", buffer.array(), copy.size(), () -> copy.stream().map(UUID::toString));
    }

    public static BinaryArray bigints(long[] values) {
        ByteBuffer buffer = header(values.length, BIGINT_OID, 8);
        for (long value : values) {
            buffer.putInt(8).putLong(value);
        }
        long[] copy = values.clone();
        return new BinaryArray(
                "_int8", buffer.array(), copy.length, () -> Arrays.stream(copy).mapToObj(Long::toString));
    }

    /** Dimensions, null flag, element type, then (when not empty) the one dimension's size and lower bound. */
    private static ByteBuffer header(int count, int elementOid, int elementSize) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + count * (4 + elementSize) - (count == 0 ? 8 : 0));
        buffer.putInt(count == 0 ? 0 : 1).putInt(0).putInt(elementOid);
        if (count > 0) {
            buffer.putInt(count).putInt(1);
        }
        return buffer;
    }

    /** The text form, for a connection that sends this type as text: built only then. */
    @Override
    public String getValue() {
        return elements.get().collect(Collectors.joining(",", "{", "}"));
    }

    /** Short on purpose: statement descriptions and logs call this, and need not list every element. */
    @Override
    public String toString() {
        return type + " of " + count + " elements";
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        throw new UnsupportedOperationException("a parameter only: never read from the server");
    }

    @Override
    public int lengthInBytes() {
        return bytes.length;
    }

    @Override
    public void toBytes(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    @Override
    public void apply(int position, PreparedStatement statement, StatementContext context) throws SQLException {
        statement.setObject(position, this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryArray array && array.type.equals(type) && Arrays.equals(array.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
