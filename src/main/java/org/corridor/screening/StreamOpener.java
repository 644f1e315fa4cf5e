package org.corridor.screening;

import java.io.IOException;
import java.io.InputStream;

/** Opens one list file, from disk or from the classpath; the caller closes the stream. */
@FunctionalInterface
interface StreamOpener {
    InputStream open() throws IOException;
}
