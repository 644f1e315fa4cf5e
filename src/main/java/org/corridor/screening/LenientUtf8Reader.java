package org.corridor.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Decodes UTF-8, and reads any byte that is not part of a well-formed UTF-8 sequence as
 * Windows-1252. List publishers have used both encodings over the years (the 2018 UK and EU files
 * are Windows-1252, their successors UTF-8), and a name should never be lost to a decoding error.
 * Genuine UTF-8 text is decoded exactly, because a valid multi-byte sequence is vanishingly
 * unlikely to occur by chance in Windows-1252 text.
 */
final class LenientUtf8Reader extends Reader {

    private static final char[] WINDOWS_1252_HIGH = {
        '\u20AC', '\uFFFD', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\uFFFD', '\u017D', '\uFFFD',
        '\uFFFD', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\uFFFD', '\u017E', '\u0178'
    };

    private final InputStream in;
    private final byte[] bytes = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean exhausted;
    private int pendingLowSurrogate = -1;

    LenientUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length) {
            if (pendingLowSurrogate >= 0) {
                target[offset + written++] = (char) pendingLowSurrogate;
                pendingLowSurrogate = -1;
                continue;
            }
            if (limit - position < 4 && !exhausted) {
                if (written == 0) {
                    fill();
                } else if (limit == position || !completeSequenceAvailable()) {
                    // Hand over what we have rather than block for more input.
                    break;
                }
            }
            if (position >= limit) {
                break;
            }
            int codePoint = decodeOne();
            if (codePoint > 0xFFFF) {
                target[offset + written++] = Character.highSurrogate(codePoint);
                pendingLowSurrogate = Character.lowSurrogate(codePoint);
            } else {
                target[offset + written++] = (char) codePoint;
            }
        }
        return written == 0 && position >= limit && exhausted && pendingLowSurrogate < 0 ? -1 : written;
    }

    private boolean completeSequenceAvailable() {
        int lead = bytes[position] & 0xFF;
        return sequenceLength(lead) <= limit - position;
    }

    private int decodeOne() {
        int lead = bytes[position] & 0xFF;
        if (lead < 0x80) {
            position++;
            return lead;
        }
        int length = sequenceLength(lead);
        if (length > 1 && position + length <= limit) {
            int codePoint = lead & (0xFF >> (length + 1));
            boolean valid = true;
            for (int i = 1; i < length; i++) {
                int next = bytes[position + i] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    valid = false;
                    break;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (valid && isShortest(codePoint, length) && !isSurrogate(codePoint) && codePoint <= 0x10FFFF) {
                position += length;
                return codePoint;
            }
        }
        position++;
        return lead >= 0xA0 ? lead : WINDOWS_1252_HIGH[lead - 0x80];
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 1;
    }

    private static boolean isShortest(int codePoint, int length) {
        return switch (length) {
            case 2 -> codePoint >= 0x80;
            case 3 -> codePoint >= 0x800;
            default -> codePoint >= 0x10000;
        };
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= 0xD800 && codePoint <= 0xDFFF;
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < 4 && !exhausted) {
            int n = in.read(bytes, limit, bytes.length - limit);
            if (n < 0) {
                exhausted = true;
            } else {
                limit += n;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
