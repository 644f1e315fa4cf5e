package org.corridor.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the UN Security Council Consolidated List XML with StAX, one INDIVIDUAL or ENTITY at a
 * time, so memory holds one record plus the parsed result. DTDs, external entities and entity
 * references are refused outright: a list file has no business declaring any, and refusing them
 * closes the XXE and entity-expansion doors.
 */
final class UnXmlParser {

    private UnXmlParser() {}

    /** A small element tree for one record. */
    private record Element(String name, String text, List<Element> children, int line) {
        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        List<Element> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        String childText(String childName) {
            return child(childName).map(Element::text).orElse("");
        }
    }

    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    static ListSnapshot parse(String label, StreamOpener opener) {
        SourceDigest digest = new SourceDigest();
        List<ListedEntity> entities = new ArrayList<>();
        String generated = "";
        try (InputStream in = digest.track(opener.open())) {
            XMLStreamReader xml = secureFactory().createXMLStreamReader(in);
            try {
                boolean rootSeen = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    refuseDeclarations(label, xml, event);
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if (!rootSeen) {
                        if (!name.equals("CONSOLIDATED_LIST")) {
                            throw new ListFormatException(
                                    label, line(xml), "root element is <" + name + ">, expected <CONSOLIDATED_LIST>");
                        }
                        rootSeen = true;
                        String date = xml.getAttributeValue(null, "dateGenerated");
                        generated = date == null ? "" : date.length() >= 10 ? date.substring(0, 10) : date;
                    } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                        Element record = readElement(label, xml);
                        entities.add(toEntity(label, record));
                    }
                }
                if (!rootSeen) {
                    throw new ListFormatException(label, "no <CONSOLIDATED_LIST> element");
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ListFormatException(label, line, "malformed XML: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": " + e.getMessage(), e);
        }
        return new ListSnapshot(SanctionsList.UN, generated, digest.hex(), entities);
    }

    private static void refuseDeclarations(String label, XMLStreamReader xml, int event) {
        if (event == XMLStreamConstants.DTD) {
            throw new ListFormatException(label, line(xml), "DOCTYPE declarations are refused (no DTDs or entities)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new ListFormatException(label, line(xml), "entity reference &" + xml.getLocalName() + "; is refused");
        }
    }

    private static Element readElement(String label, XMLStreamReader xml) throws XMLStreamException {
        String name = xml.getLocalName();
        int startLine = line(xml);
        StringBuilder text = new StringBuilder();
        List<Element> children = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDeclarations(label, xml, event);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(readElement(label, xml));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() < 64 * 1024) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Element(name, text.toString().strip(), children, startLine);
                }
                default -> {
                    // Comments and processing instructions carry nothing we need.
                }
            }
        }
        throw new ListFormatException(label, startLine, "element <" + name + "> is not closed");
    }

    private static ListedEntity toEntity(String label, Element record) {
        boolean individual = record.name().equals("INDIVIDUAL");
        String id = record.childText("DATAID");
        if (id.isEmpty()) {
            throw new ListFormatException(label, record.line(), "element <" + record.name() + "> has no DATAID");
        }
        EntityDraft draft =
                new EntityDraft(SanctionsList.UN, id, individual ? EntityType.PERSON : EntityType.ORGANISATION);
        List<String> parts = new ArrayList<>();
        for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
            String value = record.childText(part);
            if (!value.isEmpty()) {
                parts.add(value);
            }
        }
        draft.addName(String.join(" ", parts), NameKind.PRIMARY);
        for (Element alias : record.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            String quality = alias.childText("QUALITY").toLowerCase(Locale.ROOT);
            NameKind kind = quality.equals("low") ? NameKind.WEAK_ALIAS : NameKind.STRONG_ALIAS;
            draft.addName(alias.childText("ALIAS_NAME"), kind);
        }
        String originalScript = record.childText("NAME_ORIGINAL_SCRIPT");
        if (!originalScript.isEmpty()) {
            draft.addName(originalScript, NameKind.ORIGINAL_SCRIPT);
        }
        if (!draft.hasNames()) {
            throw new ListFormatException(
                    label, record.line(), "element <" + record.name() + "> DATAID " + id + " has no name");
        }
        draft.addProgramme(record.childText("UN_LIST_TYPE"));
        String reference = record.childText("REFERENCE_NUMBER");
        if (!reference.isEmpty()) {
            draft.addRemark("UN reference " + reference);
        }
        for (String listed : List.of("DESIGNATION", "TITLE")) {
            record.child(listed).ifPresent(e -> e.all("VALUE").forEach(v -> draft.addRemark(v.text())));
        }
        record.child("NATIONALITY")
                .ifPresent(e -> e.all("VALUE").forEach(v -> {
                    if (!v.text().isEmpty() && !draft.addNationality(v.text())) {
                        draft.addRemark("Nationality: " + v.text());
                    }
                }));
        for (Element birth : record.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            birthDates(birth).forEach(draft::addBirthDate);
        }
        for (Element place : record.all("INDIVIDUAL_PLACE_OF_BIRTH")) {
            draft.addBirthPlace(joinNonEmpty(
                    place.childText("CITY"), place.childText("STATE_PROVINCE"), place.childText("COUNTRY")));
        }
        for (Element address : record.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            String text = joinNonEmpty(
                    address.childText("STREET"),
                    address.childText("CITY"),
                    address.childText("STATE_PROVINCE"),
                    address.childText("ZIP_CODE"));
            draft.addAddress(text, address.childText("COUNTRY"));
        }
        for (Element document : record.all("INDIVIDUAL_DOCUMENT")) {
            String number = document.childText("NUMBER");
            if (number.isEmpty()) {
                continue;
            }
            String country = document.childText("ISSUING_COUNTRY");
            if (country.isEmpty()) {
                country = document.childText("COUNTRY_OF_ISSUE");
            }
            draft.addIdentifier(documentType(document.childText("TYPE_OF_DOCUMENT")), number, country);
        }
        String comments = record.childText("COMMENTS1");
        if (!comments.isEmpty()) {
            draft.addRemark(comments);
        }
        return draft.build();
    }

    private static List<PartialDate> birthDates(Element birth) {
        String date = birth.childText("DATE");
        try {
            if (date.length() >= 10) {
                return List.of(PartialDate.parse(date.substring(0, 10)));
            }
            String year = birth.childText("YEAR");
            if (!year.isEmpty()) {
                return List.of(PartialDate.parse(year));
            }
            String from = birth.childText("FROM_YEAR");
            String to = birth.childText("TO_YEAR");
            if (!from.isEmpty() && !to.isEmpty()) {
                int first = Integer.parseInt(from);
                int last = Integer.parseInt(to);
                List<PartialDate> years = new ArrayList<>();
                for (int y = first; y <= last && y - first <= 12; y++) {
                    years.add(PartialDate.ofYear(y));
                }
                return years;
            }
        } catch (IllegalArgumentException e) {
            // An unreadable date is left out rather than guessed; the record stays usable.
            return List.of();
        }
        return List.of();
    }

    private static IdentifierType documentType(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.contains("passport")) {
            return IdentifierType.PASSPORT;
        }
        if (lower.contains("national") || lower.contains("identity") || lower.contains("identification")) {
            return IdentifierType.NATIONAL_ID;
        }
        return IdentifierType.OTHER;
    }

    private static String joinNonEmpty(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (!part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return String.join(", ", kept);
    }

    private static int line(XMLStreamReader xml) {
        return xml.getLocation() == null ? 0 : xml.getLocation().getLineNumber();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String text = message.strip();
        int newline = text.lastIndexOf('\n');
        return newline >= 0 ? text.substring(newline + 1).strip() : text;
    }
}
