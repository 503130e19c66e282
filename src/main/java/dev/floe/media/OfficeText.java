package dev.floe.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of a current office document (DOCX, XLSX, PPTX, ODT, ODS, ODP), for search. These are zip archives of XML,
 * so the JDK's zip and StAX read them; Apache POI or Tika would add tens of megabytes for the same words. Only the
 * parts holding the body are read (no DTDs, no external entities, a bounded number of bytes), and a part that cannot be
 * read yields no text rather than refusing a document that opens fine in its application.
 */
final class OfficeText {

    private static final Logger log = LoggerFactory.getLogger(OfficeText.class);
    /** At most this much XML is read from one document, whatever its parts claim: a zip bomb stops here. */
    private static final long MAX_XML_BYTES = 64L * 1024 * 1024;
    private static final Pattern SLIDE = Pattern.compile("ppt/slides/slide([0-9]+)\\.xml");
    /** Elements that end a paragraph, a cell or a line in the formats' XML: the text gets a line break there. */
    private static final Set<String> BREAKS = Set.of("p", "h", "si", "br", "tab", "tc", "table-cell");

    private OfficeText() {
    }

    /** The document's text, cut to {@code maxChars}; null when it has none or it cannot be read. */
    static String extract(Path file, DocumentKind kind, int maxChars) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            StringBuilder text = new StringBuilder();
            long[] budget = {MAX_XML_BYTES};
            for (ZipEntry part : parts(zip, kind)) {
                try (InputStream in = zip.getInputStream(part)) {
                    read(new Bounded(in, budget), text, maxChars);
                }
                if (text.length() >= maxChars) {
                    break;
                }
            }
            String result = text.toString().replaceAll("[ \\t]*\\n[\\s]*", "\n").strip();
            return result.isEmpty() ? null : result.substring(0, Math.min(result.length(), maxChars));
        } catch (IOException | XMLStreamException | RuntimeException e) {
            log.info("No text taken from a {} document: {}", kind, e.getMessage());
            return null;
        }
    }

    private static List<ZipEntry> parts(ZipFile zip, DocumentKind kind) {
        return switch (kind) {
            case DOCX -> present(zip, "word/document.xml");
            case XLSX -> present(zip, "xl/sharedStrings.xml");
            case PPTX -> zip.stream().filter(e -> SLIDE.matcher(e.getName()).matches())
                    .sorted(Comparator.comparingInt(OfficeText::slideNumber)).map(e -> (ZipEntry) e).toList();
            case ODT, ODS, ODP -> present(zip, "content.xml");
            default -> List.of();
        };
    }

    private static List<ZipEntry> present(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name);
        return entry == null ? List.of() : List.of(entry);
    }

    private static int slideNumber(ZipEntry entry) {
        Matcher m = SLIDE.matcher(entry.getName());
        return m.matches() && m.group(1).length() < 9 ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static void read(InputStream in, StringBuilder text, int maxChars) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        try {
            while (xml.hasNext() && text.length() < maxChars) {
                int event = xml.next();
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT && BREAKS.contains(xml.getLocalName())) {
                    text.append('\n');
                }
            }
        } finally {
            xml.close();
        }
    }

    /** Reads on until the document's shared byte budget is spent, then fails. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private final long[] budget;

        Bounded(InputStream in, long[] budget) {
            this.in = in;
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (budget[0] <= 0) {
                throw new IOException("the document's XML is larger than " + MAX_XML_BYTES / (1024 * 1024) + " MB");
            }
            int n = in.read(b, off, (int) Math.min(len, budget[0]));
            if (n > 0) {
                budget[0] -= n;
            }
            return n;
        }
    }
}
