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

    private MessageSchemas() {}

    /** The schema violations of a pacs.008.001.09 document; empty when it is valid. */
    public static List<SchemaViolation> validatePacs008(String xml) {
        return validate(xml, "pacs.008.001.09.xsd");
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
