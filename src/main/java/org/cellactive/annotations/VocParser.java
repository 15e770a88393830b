package org.cellactive.annotations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cellactive.reject.RejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads one Pascal VOC annotation file (the BCCD layout) into cell boxes.
 *
 * <p>The file is hostile input. It is refused unread above {@link #MAX_BYTES}; the XML
 * parser refuses any DOCTYPE, so no DTD, external entity or entity expansion is ever
 * processed, and nothing is fetched or read besides the given bytes (OWASP's settings for
 * the JDK's DOM parser). A file that is not well-formed becomes one reject; a bad box
 * becomes one reject while the file's other boxes are kept.
 *
 * <p>Mapping: {@code image_id} is the {@code <filename>} without its extension (the
 * annotation file's own name when {@code <filename>} is missing); the image is
 * {@code <filename>} inside the images folder (a name without any extension gets one
 * through {@link ImageLocator#fileNameFor}); {@code cell_id} is the 0-based index of the
 * {@code <object>} among all objects of the file, rejected ones included, so ids do not
 * shift when one box is bad; {@code cell_type} is {@code <name>} trimmed, null if empty.
 *
 * <p>Not thread-safe (it reuses one XML parser): use one instance per thread or task.
 */
public final class VocParser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Annotation files above this size are refused before parsing: VOC files are a few KiB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private transient DocumentBuilder builder;

    public ParsedAnnotations parse(byte[] xml, String file, ImageLocator images) {
        if (xml.length > MAX_BYTES) {
            return ParsedAnnotations.wholeFileRejected(file, null, "annotation file is " + xml.length
                    + " bytes, over the limit of " + MAX_BYTES + " bytes");
        }
        Document doc;
        try {
            DocumentBuilder builder = builder();
            try {
                doc = builder.parse(new InputSource(new ByteArrayInputStream(xml)));
            } finally {
                // reset() also drops the handlers, so they are set again.
                builder.reset();
                guard(builder);
            }
        } catch (SAXParseException e) {
            return ParsedAnnotations.wholeFileRejected(file, null, xmlError(e));
        } catch (SAXException | IOException e) {
            return ParsedAnnotations.wholeFileRejected(file, null, "not a readable XML file");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        Element root = doc.getDocumentElement();
        String fileStem = ImageLocator.stem(file);
        if (!"annotation".equals(root.getTagName())) {
            return ParsedAnnotations.wholeFileRejected(file, null,
                    "root element is <" + ReasonText.quote(root.getTagName()) + ">, not <annotation>");
        }
        String filename = textOf(root, "filename");
        String imageName = filename == null ? images.fileNameFor(fileStem)
                : ImageLocator.hasExtension(filename) ? filename : images.fileNameFor(filename);
        String imageId = filename == null ? fileStem : ImageLocator.stem(filename);
        if (imageId.isEmpty()) {
            return ParsedAnnotations.wholeFileRejected(file, null,
                    "<filename> " + ReasonText.quote(filename) + " has no name before its extension");
        }
        String imagePath;
        try {
            imagePath = images.resolve(imageName);
        } catch (RejectedException e) {
            return ParsedAnnotations.wholeFileRejected(file, imageId, e.reason());
        }

        List<CellBox> boxes = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        int cellId = 0;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element object && "object".equals(object.getTagName())) {
                try {
                    boxes.add(box(object, imageId, cellId, imagePath));
                } catch (RejectedException e) {
                    rejects.add(Reject.of(file, imageId, cellId, e));
                }
                cellId++;
            }
        }
        return new ParsedAnnotations(boxes, rejects);
    }

    private static CellBox box(Element object, String imageId, int cellId, String imagePath)
            throws RejectedException {
        Element bndbox = child(object, "bndbox");
        if (bndbox == null) {
            throw new RejectedException(RejectedException.Stage.ANNOTATION,
                    "object " + cellId + " has no <bndbox>");
        }
        BoxCorners c;
        try {
            c = BoxCorners.parse(textOf(bndbox, "xmin"), textOf(bndbox, "ymin"),
                    textOf(bndbox, "xmax"), textOf(bndbox, "ymax"));
        } catch (RejectedException e) {
            throw new RejectedException(e.stage(), "object " + cellId + ": " + e.reason());
        }
        String name = textOf(object, "name");
        String cellType = name == null || name.isEmpty() ? null : name;
        return new CellBox(imageId, cellId, cellType, imagePath, c.xmin(), c.ymin(), c.xmax(), c.ymax());
    }


    /** Trimmed text of the first direct child element with this tag, or null if absent. */
    private static String textOf(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().strip();
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String xmlError(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "XML with a DOCTYPE declaration is refused (DTDs and entities are never processed)";
        }
        if (message.length() > 160) {
            message = message.substring(0, 160) + "...";
        }
        return "malformed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                + message.replaceAll("\\p{Cntrl}", " ");
    }

    /** Built once per instance: building one costs more than parsing a BCCD file. */
    private DocumentBuilder builder() throws ParserConfigurationException {
        if (builder == null) {
            builder = secureFactory().newDocumentBuilder();
            guard(builder);
        }
        return builder;
    }

    private static void guard(DocumentBuilder b) {
        b.setErrorHandler(RAISE_ERRORS);
        b.setEntityResolver((publicId, systemId) -> {
            // Unreachable with DOCTYPEs refused; kept so a parser change cannot start fetching.
            throw new SAXException("external entity refused");
        });
    }

    /**
     * The JDK's own DOM parser ({@code newDefaultInstance}, so no parser on the class path
     * can replace it) with the OWASP XXE settings.
     */
    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        return f;
    }

    /** Fail on errors instead of printing "[Fatal Error]" lines to stderr. */
    private static final ErrorHandler RAISE_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
