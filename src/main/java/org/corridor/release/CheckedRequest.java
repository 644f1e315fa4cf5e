package org.corridor.release;

import java.util.List;

/**
 * A submitted request whose every field was checked: its trimmed reference, the hash of its content
 * (a resubmission of the reference is compared by it) and its documents decoded.
 */
record CheckedRequest(
        NewRequest content, String reference, String contentSha256, List<ReleaseStore.NewDocument> documents) {}
