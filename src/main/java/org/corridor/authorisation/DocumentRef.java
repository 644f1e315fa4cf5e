package org.corridor.authorisation;

/** Where an authorisation's document is: its name and the SHA-256 of its bytes, by which it is stored. */
public record DocumentRef(String name, String sha256, long sizeBytes) {}
