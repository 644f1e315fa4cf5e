package org.corridor.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The checkpoint file: one checkpoint per line (canonical JSON), only ever appended to, each line
 * flushed to disk before the append returns, outside PostgreSQL. Appends from several processes
 * are serialised by a lock on the file, and from several threads by a monitor per file. An
 * operator may make it append-only for the file system too ({@code chattr +a}).
 */
final class CheckpointFile {

    /** Enough of the file's end to hold its last line. */
    private static final int TAIL = 64 * 1024;

    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    /** The checkpoints a file holds, in order, and what is wrong with the file itself. */
    record Contents(List<Checkpoint> checkpoints, List<Finding> findings) {}

    private final Path path;

    CheckpointFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    /**
     * Appends what {@code next} makes of the last checkpoint, if anything, under the file's lock.
     *
     * @return the checkpoint appended, or the last one when {@code next} gave nothing
     */
    Optional<Checkpoint> append(Function<Optional<Checkpoint>, Optional<Checkpoint>> next) {
        synchronized (MONITORS.computeIfAbsent(path, p -> new Object())) {
            try {
                Files.createDirectories(path.getParent());
                try (FileChannel channel = FileChannel.open(
                        path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    // Held until the channel closes: another process appends after this one.
                    FileLock lock = channel.lock();
                    assert lock.isValid();
                    Optional<Checkpoint> last = last(channel);
                    Optional<Checkpoint> made = next.apply(last);
                    if (made.isEmpty()) {
                        return last;
                    }
                    byte[] line = (made.get().toJson() + "\n").getBytes(StandardCharsets.UTF_8);
                    channel.position(channel.size());
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                    return made;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot append to the checkpoint file " + path + ": " + e.getMessage(), e);
            }
        }
    }

    /** The last checkpoint in the file, read from its end. */
    private static Optional<Checkpoint> last(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return Optional.empty();
        }
        int length = (int) Math.min(size, TAIL);
        ByteBuffer tail = ByteBuffer.allocate(length);
        channel.read(tail, size - length);
        String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8).stripTrailing();
        String line = text.substring(text.lastIndexOf('\n') + 1);
        try {
            return Optional.of(Checkpoint.parse(CanonicalJson.read(line)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint file's last line is damaged; run audit verify", e);
        }
    }

    /** Every checkpoint of this file, checking that each links to the line before it. */
    Contents read() {
        if (!exists()) {
            return new Contents(List.of(), List.of());
        }
        try {
            return parse(Files.readAllLines(path, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoints of a file given for one verification: a checkpoint file, a JSON array of
     * checkpoints, or one checkpoint (as RPT-9 shows it). Its lines need not link: it may be an
     * excerpt.
     */
    static Contents given(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.startsWith("[")) {
                List<String> lines = new ArrayList<>();
                CanonicalJson.read(text).forEach(node -> lines.add(node.toString()));
                return parse(lines, false);
            }
            List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
            if (lines.stream().map(String::strip).allMatch(line -> line.startsWith("{") && line.endsWith("}"))) {
                return parse(lines, false);
            }
            return parse(List.of(CanonicalJson.read(text).toString()), false); // one checkpoint, pretty-printed
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            return new Contents(
                    List.of(), List.of(new Finding("CHECKPOINT_FILE_DAMAGED", file + " holds no readable checkpoint")));
        }
    }

    private static Contents parse(List<String> lines, boolean linked) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        String previous = Checkpoint.FIRST;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.parse(CanonicalJson.read(line));
            } catch (IllegalArgumentException e) {
                findings.add(new Finding("CHECKPOINT_FILE_DAMAGED", "line " + (i + 1) + " is not a checkpoint"));
                continue;
            }
            if (linked && !checkpoint.previous().equals(previous)) {
                findings.add(new Finding(
                        "CHECKPOINT_FILE_ALTERED",
                        "line " + (i + 1) + " (entry " + checkpoint.seq()
                                + ") does not follow the line before it: a checkpoint was removed, moved or edited"));
            }
            previous = checkpoint.lineDigest();
            checkpoints.add(checkpoint);
        }
        return new Contents(List.copyOf(checkpoints), List.copyOf(findings));
    }
}
