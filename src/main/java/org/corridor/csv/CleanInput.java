package org.corridor.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The characters a CSV reader should not see: a byte-order mark at the start and the DOS
 * end-of-file byte (0x1A) that OFAC files end with. Neither carries text.
 */
final class CleanInput extends FilterReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char END_OF_FILE_MARK = '\u001A';

    private boolean started;

    CleanInput(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            int read = in.read(buffer, offset, length);
            if (read <= 0) {
                return read;
            }
            int from = offset;
            if (!started) {
                started = true;
                if (buffer[offset] == BYTE_ORDER_MARK) {
                    from++;
                }
            }
            int kept = offset;
            for (int i = from; i < offset + read; i++) {
                if (buffer[i] != END_OF_FILE_MARK) {
                    buffer[kept++] = buffer[i];
                }
            }
            if (kept > offset) {
                return kept - offset;
            }
        }
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("a CSV reader never skips");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
