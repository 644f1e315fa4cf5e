package org.corridor.release;

/** Part of a line that eligibility DENIED and that was removed from the request, with the reason. */
public record RemovedPart(String line, String quantity, String endUserType, String reason) {}
