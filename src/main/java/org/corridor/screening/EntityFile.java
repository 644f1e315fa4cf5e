package org.corridor.screening;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The listed entities of an index kept on disk, beside the Lucene index: one compact binary
 * record per entity and a table of where each begins, so that a later process opens the index
 * without reading a single entity from the database. Read as a list whose entities are decoded
 * when asked for (the hits, the retrieved names' re-analysis), the most recently used kept; what
 * stays on the heap per entity is its place in the file (8 bytes). Thread-safe.
 */
final class EntityFile extends AbstractList<ListedEntity> implements RandomAccess, AutoCloseable {

    static final String NAME = "entities.bin";
    private static final int MAGIC = 0x43534e54;
    /** Raise when the record's layout changes; an index folder with another one is built again. */
    static final int FORMAT = 1;
    /** Decoded entities kept (a few hundred bytes each): every entity of the shipped lists. */
    static final int KEPT = 65_536;

    private static final SanctionsList[] LISTS = SanctionsList.values();
    private static final EntityType[] TYPES = EntityType.values();
    private static final NameKind[] KINDS = NameKind.values();
    private static final IdentifierType[] IDENTIFIERS = IdentifierType.values();

    private final FileChannel channel;
    private final long[] offsets;
    /** By ordinal: an array, not a map, because every scored name looks its entity up here. */
    private final AtomicReferenceArray<ListedEntity> kept;

    private final AtomicInteger keptCount = new AtomicInteger();

    private EntityFile(FileChannel channel, long[] offsets) {
        this.channel = channel;
        this.offsets = offsets;
        this.kept = new AtomicReferenceArray<>(offsets.length - 1);
    }

    /** Writes the entities, in order, to {@code file}. */
    static void write(Path file, List<ListedEntity> entities) throws IOException {
        long[] offsets = new long[entities.size() + 1];
        long header = 4L + 4 + 4 + 8L * offsets.length;
        Path records = file.resolveSibling(file.getFileName() + ".records");
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(records), 1 << 16))) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
            DataOutputStream record = new DataOutputStream(buffer);
            long at = header;
            for (int i = 0; i < entities.size(); i++) {
                offsets[i] = at;
                buffer.reset();
                encode(record, entities.get(i));
                buffer.writeTo(out);
                at += buffer.size();
            }
            offsets[entities.size()] = at;
        }
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(entities.size());
            for (long offset : offsets) {
                out.writeLong(offset);
            }
            Files.copy(records, out);
        } finally {
            Files.deleteIfExists(records);
        }
    }

    /** Opens the entities written to {@code file}, reading only the table of their places. */
    static EntityFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer head = ByteBuffer.allocate(12);
            readFully(channel, head, 0);
            head.flip();
            if (head.getInt() != MAGIC || head.getInt() != FORMAT) {
                throw new IOException(file + " is not a file of listed entities of this format");
            }
            int count = head.getInt();
            ByteBuffer table = ByteBuffer.allocate(8 * (count + 1));
            readFully(channel, table, 12);
            table.flip();
            long[] offsets = new long[count + 1];
            table.asLongBuffer().get(offsets);
            if (offsets[count] != channel.size()) {
                throw new IOException(file + " is cut short or too long");
            }
            return new EntityFile(channel, offsets);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public int size() {
        return offsets.length - 1;
    }

    @Override
    public ListedEntity get(int index) {
        ListedEntity entity = kept.get(index);
        if (entity != null) {
            return entity;
        }
        long from = offsets[index];
        ByteBuffer bytes = ByteBuffer.allocate((int) (offsets[index + 1] - from));
        try {
            readFully(channel, bytes, from);
            entity = decode(new DataInputStream(new java.io.ByteArrayInputStream(bytes.array())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading listed entity " + index + " failed", e);
        }
        if (kept.getAndSet(index, entity) == null && keptCount.incrementAndGet() > KEPT) {
            // The simplest bound; the entities in use come back within a few queries.
            for (int i = 0; i < size(); i++) {
                kept.set(i, null);
            }
            keptCount.set(0);
        }
        return entity;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException("listed entities file ends at " + at);
            }
            at += read;
        }
    }

    // ---- the record

    static void encode(DataOutputStream out, ListedEntity entity) throws IOException {
        out.writeByte(entity.list().ordinal());
        text(out, entity.id());
        out.writeByte(entity.type().ordinal());
        out.writeInt(entity.names().size());
        for (ListedName name : entity.names()) {
            text(out, name.text());
            out.writeByte(name.kind().ordinal());
        }
        out.writeInt(entity.birthDates().size());
        for (PartialDate date : entity.birthDates()) {
            out.writeShort(date.year());
            out.writeByte(date.month());
            out.writeByte(date.day());
        }
        texts(out, entity.birthPlaces());
        texts(out, entity.nationalities());
        out.writeInt(entity.addresses().size());
        for (Address address : entity.addresses()) {
            text(out, address.text());
            text(out, address.countryCode());
        }
        out.writeInt(entity.identifiers().size());
        for (Identifier identifier : entity.identifiers()) {
            out.writeByte(identifier.type().ordinal());
            text(out, identifier.value());
            text(out, identifier.countryCode());
        }
        texts(out, entity.programmes());
        texts(out, entity.remarks());
        texts(out, entity.referents());
        text(out, entity.schema());
    }

    static ListedEntity decode(DataInputStream in) throws IOException {
        SanctionsList list = LISTS[in.readUnsignedByte()];
        String id = text(in);
        EntityType type = TYPES[in.readUnsignedByte()];
        List<ListedName> names = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            names.add(new ListedName(text(in), KINDS[in.readUnsignedByte()]));
        }
        List<PartialDate> dates = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            dates.add(new PartialDate(in.readShort(), in.readUnsignedByte(), in.readUnsignedByte()));
        }
        List<String> places = texts(in);
        List<String> nationalities = texts(in);
        List<Address> addresses = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            addresses.add(new Address(text(in), text(in)));
        }
        List<Identifier> identifiers = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            identifiers.add(new Identifier(IDENTIFIERS[in.readUnsignedByte()], text(in), text(in)));
        }
        return new ListedEntity(
                list,
                id,
                type,
                names,
                dates,
                places,
                nationalities,
                addresses,
                identifiers,
                texts(in),
                texts(in),
                texts(in),
                text(in));
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void texts(DataOutputStream out, List<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String text : texts) {
            text(out, text);
        }
    }

    private static List<String> texts(DataInputStream in) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            texts.add(text(in));
        }
        return texts;
    }
}
