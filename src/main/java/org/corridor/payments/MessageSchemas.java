package org.corridor.payments;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.corridor.InvalidInputException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates ISO 20022 documents against the schemas shipped in the jar. Hostile XML is refused
 * before it can do harm: a DOCTYPE of any kind (so no external entities and no entity-expansion
 * bombs), external schema or DTD access, and documents nested deeper than a limit. Thread-safe.
 */
public final class MessageSchemas {

    public static final String PACS_008_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09";
    private static final int MAX_DEPTH = 64;
    private static final int MAX_CHARACTERS = 5_000_000;
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final String ROOT_SEEN = "root element seen";

    private MessageSchemas() {}

    /** The schema violations of a pacs.008.001.09 document; empty when it is valid. */
    public static List<SchemaViolation> validatePacs008(String xml) {
        return validate(MessageKind.PACS_008, xml);
    }

    /** The schema violations of a document of {@code kind}; empty when it is valid. */
    public static List<SchemaViolation> validate(MessageKind kind, String xml) {
        return validate(xml, kind.schemaFile());
    }

    /**
     * What kind of message a document is, read from the namespace of its root element with the same
     * hostile-XML refusals as validation (no DOCTYPE, no external entities).
     *
     * @throws InvalidInputException MESSAGE_UNREADABLE when it is not XML, MESSAGE_KIND_UNKNOWN when
     *     Corridor does not speak its namespace
     */
    public static MessageKind kindOf(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException("MESSAGE_EMPTY", "the message is empty");
        }
        if (xml.length() > MAX_CHARACTERS) {
            throw new InvalidInputException(
                    "MESSAGE_TOO_LARGE", "a message is at most " + MAX_CHARACTERS + " characters");
        }
        String[] namespace = {null};
        try {
            XMLReader reader = secureReader();
            reader.setContentHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                        throws SAXException {
                    namespace[0] = uri;
                    throw new SAXException(ROOT_SEEN);
                }
            });
            reader.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new InvalidInputException(
                    "MESSAGE_UNREADABLE",
                    "not readable XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + plain(e.getMessage()));
        } catch (SAXException e) {
            if (!ROOT_SEEN.equals(e.getMessage())) {
                throw new InvalidInputException("MESSAGE_UNREADABLE", "not readable XML: " + plain(e.getMessage()));
            }
        } catch (IOException e) {
            throw new InvalidInputException("MESSAGE_UNREADABLE", "not readable XML: " + plain(e.getMessage()));
        }
        String found = namespace[0] == null ? "" : namespace[0];
        return MessageKind.ofNamespace(found)
                .orElseThrow(() -> new InvalidInputException(
                        "MESSAGE_KIND_UNKNOWN",
                        "Corridor reads pacs.002.001.11, pacs.004.001.10 and camt.054.001.08, not a document of"
                                + " namespace '" + plain(found) + "'"));
    }

    /**
     * Validates a document of {@code kind}, refusing it with the first violation and its line and
     * column.
     *
     * @throws InvalidInputException PAYMENT_SCHEMA_INVALID
     */
    static void requireValid(MessageKind kind, String xml) {
        List<SchemaViolation> violations = validate(kind, xml);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(
                    "PAYMENT_SCHEMA_INVALID", "not a valid " + kind.version() + " document: " + violations.get(0));
        }
    }

    static List<SchemaViolation> validate(String xml, String schemaFile) {
        List<SchemaViolation> violations = new ArrayList<>();
        if (xml.length() > MAX_CHARACTERS) {
            violations.add(new SchemaViolation(0, 0, "document larger than " + MAX_CHARACTERS + " characters"));
            return violations;
        }
        try {
            Validator validator = schema(schemaFile).newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(collector(violations));
            XMLReader reader = secureReader();
            validator.validate(
                    new SAXSource(new DepthLimitingReader(reader, MAX_DEPTH), new InputSource(new StringReader(xml))));
        } catch (SAXParseException e) {
            if (violations.isEmpty()
                    || !violations.get(violations.size() - 1).message().equals(e.getMessage())) {
                violations.add(new SchemaViolation(e.getLineNumber(), e.getColumnNumber(), plain(e.getMessage())));
            }
        } catch (SAXException | IOException e) {
            violations.add(new SchemaViolation(0, 0, plain(e.getMessage())));
        }
        return violations;
    }

    private static Schema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, name -> {
            URL resource = MessageSchemas.class.getResource("/payments/xsd/" + name);
            if (resource == null) {
                throw new IllegalStateException("schema missing from the jar: " + name);
            }
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(resource);
            } catch (SAXException e) {
                throw new IllegalStateException("schema unreadable: " + name, e);
            }
        });
    }

    /** A SAX reader that refuses any DOCTYPE and never resolves an external entity. */
    static XMLReader secureReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            return reader;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the platform's XML parser lacks a security feature", e);
        }
    }

    private static ErrorHandler collector(List<SchemaViolation> violations) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException exception) {
                violations.add(new SchemaViolation(
                        exception.getLineNumber(), exception.getColumnNumber(), plain(exception.getMessage())));
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXParseException {
                violations.add(new SchemaViolation(
                        exception.getLineNumber(), exception.getColumnNumber(), plain(exception.getMessage())));
                throw exception;
            }
        };
    }

    private static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        String flat = message.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /** Wraps a reader so that the depth limit sees events before the validator does. */
    static final class DepthLimitingReader extends org.xml.sax.helpers.XMLFilterImpl {
        private final int limit;
        private int depth;

        DepthLimitingReader(XMLReader parent, int limit) {
            super(parent);
            this.limit = limit;
        }

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                throws SAXException {
            if (++depth > limit) {
                throw new SAXException("elements nested deeper than " + limit);
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            super.endElement(uri, localName, qName);
        }
    }
}
