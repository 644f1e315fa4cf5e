package org.corridor.release;

import java.time.Instant;

/** A document of a request as stored: typed, versioned, known by its content hash. */
public record DocumentRecord(String type, int version, String name, String sha256, int sizeBytes, Instant recordedAt) {}
