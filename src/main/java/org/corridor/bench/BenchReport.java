package org.corridor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark output: one line per case ({@code CASE tps=N p50_ms=X p99_ms=Y vs_baseline=R}), and the
 * same figures as a section of docs/benchmarks.md, replaced in place when recorded again.
 */
final class BenchReport {

    /** One measured case; {@code vsBaseline} is the ratio of its rate to the baseline's. */
    record Line(String name, double tps, double p50Millis, double p99Millis, double vsBaseline) {

        String format() {
            return String.format(
                    Locale.ROOT,
                    "%s tps=%.0f p50_ms=%.3f p99_ms=%.3f vs_baseline=%.2f",
                    name,
                    tps,
                    p50Millis,
                    p99Millis,
                    vsBaseline);
        }
    }

    private BenchReport() {}

    /** The median of repeated measurements, the figure reported on a noisy machine. */
    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Writes or replaces the section titled {@code heading} in the benchmarks file. */
    static void record(Path file, String heading, String command, List<Line> lines, List<String> notes) {
        StringBuilder section = new StringBuilder();
        section.append("## ").append(heading).append("\n\n");
        section.append("Command: `").append(command).append("`  \n");
        section.append("Recorded: ")
                .append(LocalDate.now(ZoneOffset.UTC))
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(ManagementFactory.getOperatingSystemMXBean().getName())
                .append("\n\n");
        section.append("| case | tps | p50 ms | p99 ms | vs baseline |\n|---|---:|---:|---:|---:|\n");
        for (Line line : lines) {
            section.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.3f | %.3f | %.2f |%n",
                    line.name(),
                    line.tps(),
                    line.p50Millis(),
                    line.p99Millis(),
                    line.vsBaseline()));
        }
        section.append("\n");
        for (String note : notes) {
            section.append(note).append("\n");
        }
        section.append("\n");
        writeSection(file, heading, section.toString());
    }

    /** Writes {@code section} into the benchmarks file in place of the one titled {@code heading}, or at its end. */
    static void writeSection(Path file, String heading, String section) {
        try {
            String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, replaceSection(existing, heading, section), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String replaceSection(String document, String heading, String section) {
        List<String> lines = new ArrayList<>(document.lines().toList());
        int start = lines.indexOf("## " + heading);
        if (start < 0) {
            String base = document.endsWith("\n") ? document : document + "\n";
            return base + (base.endsWith("\n\n") ? "" : "\n") + section;
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        List<String> result = new ArrayList<>(lines.subList(0, start));
        result.addAll(section.lines().toList());
        result.addAll(lines.subList(end, lines.size()));
        return String.join("\n", result) + "\n";
    }
}
