package dev.floe.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Makes an uploaded SVG safe to serve from the site's own origin: parsed with DTDs and external entities off, then
 * rebuilt from an allow-list of drawing elements and attributes. Scripts, event handlers, foreign objects, styles
 * and every reference outside the file itself are dropped.
 */
final class SvgSanitizer {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "path", "rect", "circle", "ellipse", "line",
            "polyline", "polygon", "text", "tspan", "defs", "lineargradient", "radialgradient", "stop", "clippath",
            "mask", "pattern", "symbol", "use", "title", "desc", "marker");
    /** Elements whose text is drawn or read out; elsewhere text nodes are whitespace at most. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("text", "tspan", "title", "desc");
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "width", "height", "viewbox",
            "preserveaspectratio", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points",
            "transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
            "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit",
            "opacity", "clip-path", "clip-rule", "mask", "offset", "stop-color", "stop-opacity", "gradientunits",
            "gradienttransform", "spreadmethod", "fx", "fy", "patternunits", "patterncontentunits",
            "patterntransform", "maskunits", "maskcontentunits", "clippathunits", "font-family", "font-size",
            "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "dx", "dy", "rotate",
            "visibility", "display", "color", "marker-start", "marker-mid", "marker-end", "markerwidth",
            "markerheight", "refx", "refy", "orient", "markerunits", "version", "role", "aria-label", "aria-hidden",
            "focusable", "vector-effect", "shape-rendering", "text-rendering", "paint-order", "xml:space", "lang");
    /** Paint and reference values may point only inside the file: {@code url(#id)}. */
    private static final Pattern URL_REFERENCE = Pattern.compile("url\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_URL = Pattern.compile("^\\s*url\\(\\s*['\"]?#[A-Za-z0-9_.:-]+['\"]?\\s*\\)\\s*$");

    private SvgSanitizer() {
    }

    /** The sanitized SVG, or a refusal when the input is not well-formed SVG. */
    static byte[] sanitize(InputStream in) {
        org.w3c.dom.Document document;
        try {
            document = parser().parse(in);
        } catch (SAXException e) {
            throw MediaRejectedException.broken("The SVG file is not well-formed XML, or uses a DOCTYPE or entities"
                    + " (not allowed): " + firstLine(e.getMessage()) + ".");
        } catch (IOException e) {
            throw MediaRejectedException.broken("The SVG file cannot be read: " + e.getMessage() + ".");
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw MediaRejectedException.unsupported("The file is XML but not SVG: its root element must be <svg> in the"
                    + " SVG namespace.");
        }
        clean(root);
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the sanitized SVG", e);
        }
    }

    private static void clean(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> drop = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attr = (Attr) attributes.item(i);
            if (!keep(attr)) {
                drop.add(attr);
            }
        }
        drop.forEach(element::removeAttributeNode);
        String name = element.getLocalName() == null ? "" : element.getLocalName().toLowerCase(Locale.ROOT);
        for (Node child = element.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element childElement = (Element) child;
                    String childName = childElement.getLocalName() == null ? "" : childElement.getLocalName().toLowerCase(Locale.ROOT);
                    if (SVG_NS.equals(childElement.getNamespaceURI()) && ELEMENTS.contains(childName)) {
                        clean(childElement);
                    } else {
                        element.removeChild(child);
                    }
                }
                case Node.TEXT_NODE -> {
                    if (!TEXT_ELEMENTS.contains(name) && !child.getNodeValue().isBlank()) {
                        element.removeChild(child);
                    }
                }
                case Node.CDATA_SECTION_NODE -> {
                    if (TEXT_ELEMENTS.contains(name)) {
                        element.replaceChild(element.getOwnerDocument().createTextNode(child.getNodeValue()), child);
                    } else {
                        element.removeChild(child);
                    }
                }
                default -> element.removeChild(child);
            }
            child = next;
        }
    }

    private static boolean keep(Attr attr) {
        String local = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
        String lower = local.toLowerCase(Locale.ROOT);
        String namespace = attr.getNamespaceURI();
        String value = attr.getValue();
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
            return SVG_NS.equals(value) || XLINK_NS.equals(value);
        }
        if ("href".equals(lower) && (namespace == null || XLINK_NS.equals(namespace))) {
            return value.strip().matches("#[A-Za-z0-9_.:-]+");
        }
        if (XMLConstants.XML_NS_URI.equals(namespace)) {
            return "space".equals(lower) || "lang".equals(lower);
        }
        if (namespace != null || !ATTRIBUTES.contains(lower)) {
            return false;
        }
        if (URL_REFERENCE.matcher(value).find() && !LOCAL_URL.matcher(value).matches()) {
            return false;
        }
        String flat = value.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        return !flat.contains("javascript:") && !flat.contains("data:") && !flat.contains("expression(");
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
