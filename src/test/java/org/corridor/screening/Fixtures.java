package org.corridor.screening;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The small list files in src/test/resources/screening (copied from the shared data, see its
 * README), parsed, and helpers to derive later versions of a list from them.
 */
final class Fixtures {

    private Fixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/screening/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Four UN records (three individuals, one entity). */
    static ListSnapshot un() {
        return ListReader.read(ListFormat.UN_XML, resource("un-small.xml")).get(0);
    }

    /** Six OFAC SDN entities (Soleimani, Qasemi, two tankers with IMO numbers, two Cuban entities). */
    static ListSnapshot ofacSdn() {
        return ofac().get(0);
    }

    /** OFAC SDN and non-SDN from the small folder. */
    static List<ListSnapshot> ofac() {
        return ListReader.readOfacFolder(resource("ofac-small"));
    }

    /**
     * A later version of a list: {@code remove} dropped, {@code change} given a new programme, and
     * {@code add} added; with a digest of its own.
     */
    static ListSnapshot nextVersion(
            ListSnapshot base, String publishedOn, String remove, String change, ListedEntity add) {
        List<ListedEntity> entities = new ArrayList<>();
        for (ListedEntity entity : base.entities()) {
            if (entity.id().equals(remove)) {
                continue;
            }
            if (entity.id().equals(change)) {
                List<String> programmes = new ArrayList<>(entity.programmes());
                programmes.add("NEW-PROGRAMME");
                entity = new ListedEntity(
                        entity.list(),
                        entity.id(),
                        entity.type(),
                        entity.names(),
                        entity.birthDates(),
                        entity.birthPlaces(),
                        entity.nationalities(),
                        entity.addresses(),
                        entity.identifiers(),
                        programmes,
                        entity.remarks());
            }
            entities.add(entity);
        }
        entities.add(add);
        return new ListSnapshot(base.list(), publishedOn, sha256(base.sourceSha256() + publishedOn), entities);
    }

    static ListedEntity person(SanctionsList list, String id, String name) {
        return listed(list, id, EntityType.PERSON, name);
    }

    /** One listed entity of the given type with one primary name and nothing else. */
    static ListedEntity listed(SanctionsList list, String id, EntityType type, String name) {
        return new ListedEntity(
                list,
                id,
                type,
                List.of(new ListedName(name, NameKind.PRIMARY)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of("TEST"),
                List.of());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
