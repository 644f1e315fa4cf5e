package org.corridor.authorisation;

import java.util.Arrays;
import org.corridor.InvalidInputException;
import org.corridor.audit.Hashing;

/**
 * The signed text of an authorisation as received (a PDF, a scan), kept once per content hash.
 *
 * @param name the file name it arrived under, for display only
 */
public record Document(String name, byte[] content) {

    public static final int MAX_BYTES = 20_000_000;

    public Document {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("DOCUMENT_INVALID", "a document needs a name");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("DOCUMENT_INVALID", "a document cannot be empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("DOCUMENT_INVALID", "a document is at most " + MAX_BYTES + " bytes");
        }
        name = name.trim();
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String sha256() {
        return Hashing.sha256Hex(content);
    }

    DocumentRef ref() {
        return new DocumentRef(name, sha256(), content.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Document document
                && name.equals(document.name)
                && Arrays.equals(content, document.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Document[" + name + ", " + content.length + " bytes]";
    }
}
