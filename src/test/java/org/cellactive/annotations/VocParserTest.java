package org.cellactive.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocParserTest {
    private static final String FILE = "file:/data/Annotations/a.xml";
    private final ImageLocator images = new ImageLocator("file:/data/JPEGImages");
    private final VocParser parser = new VocParser();

    @Test
    void readsRealBccdFile() throws Exception {
        byte[] xml = Files.readAllBytes(BccdData.annotations().resolve("BloodImage_00000.xml"));
        ParsedAnnotations parsed = parser.parse(xml, "BloodImage_00000.xml", images);

        assertEquals(20, parsed.boxes().size());
        assertEquals(List.of(), parsed.rejects());
        assertEquals(new CellBox("BloodImage_00000", 0, "WBC", "file:/data/JPEGImages/BloodImage_00000.jpg",
                260, 177, 491, 376), parsed.boxes().get(0));
        CellBox last = parsed.boxes().get(19);
        assertEquals("BloodImage_00000_19", last.cellKey());
        assertEquals(List.of("RBC", 368, 89, 464, 176),
                List.of(last.cellType(), last.xmin(), last.ymin(), last.xmax(), last.ymax()));
        assertEquals(19, parsed.boxes().stream().filter(b -> "RBC".equals(b.cellType())).count());
    }

    @Test
    void zeroAreaBoxOfBccdPassesThroughForTheCropStage() throws Exception {
        byte[] xml = Files.readAllBytes(BccdData.annotations().resolve("BloodImage_00338.xml"));
        ParsedAnnotations parsed = parser.parse(xml, "BloodImage_00338.xml", images);

        assertEquals(14, parsed.boxes().size());
        CellBox zero = parsed.boxes().get(12);
        assertEquals(List.of(12, 504, 337, 504, 337),
                List.of(zero.cellId(), zero.xmin(), zero.ymin(), zero.xmax(), zero.ymax()));
    }

    @Test
    void badBoxIsRejectedAndTheOthersKeptWithStableIds() {
        String xml = annotation("cells.png",
                object("RBC", "1", "2", "30", "40"),
                object("WBC", "10", "x7", "20", "30"),
                object("  Platelets ", "5", "6", "7", "8"),
                object("RBC", "9", "9", "8", "20"),
                object("RBC", "-1", "0", "8", "20"),
                "<object><name>RBC</name></object>",
                object("", "1", "1", "2", "2"),
                object("RBC", "3", "4", "", "6"),
                object("RBC", "3", "4", "99999999999", "6"),
                object("RBC", "3.0", "4", "5", "6"));
        ParsedAnnotations parsed = parse(xml);

        assertEquals(List.of(0, 2, 6), parsed.boxes().stream().map(CellBox::cellId).toList());
        assertEquals("Platelets", parsed.boxes().get(1).cellType());
        assertNull(parsed.boxes().get(2).cellType());
        assertEquals("file:/data/JPEGImages/cells.png", parsed.boxes().get(0).imagePath());
        assertEquals("cells", parsed.boxes().get(0).imageId());

        assertEquals(List.of(1, 3, 4, 5, 7, 8, 9), parsed.rejects().stream().map(Reject::cellId).toList());
        assertEquals(List.of(
                "object 1: ymin 'x7' is not an integer",
                "object 3: xmin 9 > xmax 8",
                "object 4: xmin -1 is negative",
                "object 5 has no <bndbox>",
                "object 7: xmax is missing",
                "object 8: xmax '99999999999' is not an integer",
                "object 9: xmin '3.0' is not an integer"),
                parsed.rejects().stream().map(Reject::reason).toList());
        Reject first = parsed.rejects().get(0);
        assertEquals(new Reject(FILE, "cells", 1, "cells_01", "annotation", "object 1: ymin 'x7' is not an integer"),
                first);
    }

    @Test
    void malformedXmlIsOneRejectForTheFile() {
        ParsedAnnotations parsed = parse("<annotation><filename>a.jpg</filename><object></annotation>");

        assertEquals(List.of(), parsed.boxes());
        assertEquals(1, parsed.rejects().size());
        Reject r = parsed.rejects().get(0);
        assertEquals(FILE, r.file());
        assertNull(r.imageId());
        assertNull(r.cellId());
        assertNull(r.cellKey());
        assertEquals("annotation", r.stage());
        assertTrue(r.reason().startsWith("malformed XML at line 1"), r.reason());
    }

    @Test
    void oneParserKeepsWorkingAfterRefusedFiles() {
        String good = annotation("a.jpg", object("RBC", "1", "2", "3", "4"));
        for (String xml : List.of("<annotation>", "<!DOCTYPE a SYSTEM \"x.dtd\"><annotation/>", good,
                "<!DOCTYPE a [<!ENTITY e \"v\">]><annotation/>", good)) {
            parse(xml);
        }
        assertEquals(1, parse(good).boxes().size());
        assertEquals(1, parse("<!DOCTYPE a [<!ENTITY e \"v\">]><annotation/>").rejects().size());
    }

    @Test
    void notVocAtAllIsRejected() {
        ParsedAnnotations parsed = parse("<svg><object/></svg>");
        assertEquals(List.of("root element is <'svg'>, not <annotation>"),
                parsed.rejects().stream().map(Reject::reason).toList());
        assertEquals(1, parse("").rejects().size());
    }

    @Test
    void externalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        String marker = "TOP-SECRET-MARKER-5f2c91";
        Files.writeString(secret, marker);
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE annotation [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<annotation><filename>&xxe;.jpg</filename>"
                + object("&xxe;", "1", "2", "3", "4") + "</annotation>";

        ParsedAnnotations parsed = parse(xml);

        assertEquals(List.of(), parsed.boxes());
        assertEquals(List.of("XML with a DOCTYPE declaration is refused (DTDs and entities are never processed)"),
                parsed.rejects().stream().map(Reject::reason).toList());
        assertFalse(parsed.toString().contains(marker), parsed.toString());
    }

    @Test
    void externalDtdIsNeverFetched() {
        // A DTD on an unreachable address: fetching it would fail differently (or hang).
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE annotation SYSTEM \"http://192.0.2.1/voc.dtd\">"
                + "<annotation><filename>a.jpg</filename></annotation>";
        assertEquals(List.of("XML with a DOCTYPE declaration is refused (DTDs and entities are never processed)"),
                parse(xml).rejects().stream().map(Reject::reason).toList());
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            xml.append("\">");
        }
        xml.append("]><annotation><filename>&lol9;</filename></annotation>");

        ParsedAnnotations parsed = parse(xml.toString());

        assertEquals(List.of(), parsed.boxes());
        assertEquals(List.of("XML with a DOCTYPE declaration is refused (DTDs and entities are never processed)"),
                parsed.rejects().stream().map(Reject::reason).toList());
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() {
        byte[] big = new byte[VocParser.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] head = annotation("a.jpg", object("RBC", "1", "2", "3", "4")).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);

        ParsedAnnotations parsed = parser.parse(big, FILE, images);

        assertEquals(List.of(), parsed.boxes());
        assertEquals(List.of("annotation file is 8388609 bytes, over the limit of 8388608 bytes"),
                parsed.rejects().stream().map(Reject::reason).toList());
    }

    @Test
    void imageNameThatLeavesTheFolderRejectsTheFile() {
        for (String name : List.of("../../etc/passwd", "/etc/passwd", "hdfs://evil/x.jpg")) {
            ParsedAnnotations parsed = parse(annotation(name, object("RBC", "1", "2", "3", "4")));
            assertEquals(List.of(), parsed.boxes(), name);
            assertEquals(1, parsed.rejects().size(), name);
            assertNull(parsed.rejects().get(0).cellId());
        }
    }

    @Test
    void missingFilenameFallsBackToTheXmlName() {
        ParsedAnnotations parsed = parser.parse(("<annotation>" + object("RBC", "1", "2", "3", "4") + "</annotation>")
                .getBytes(StandardCharsets.UTF_8), "hdfs://nn/ann/BloodImage_00007.xml", images);

        CellBox box = parsed.boxes().get(0);
        assertEquals("BloodImage_00007", box.imageId());
        assertEquals("file:/data/JPEGImages/BloodImage_00007.jpg", box.imagePath());
    }

    @Test
    void filenameWithoutExtensionTakesTheListedOne() {
        ImageLocator listed = images.withListing(java.util.Set.of("img7.png", "img7.txt"));
        ParsedAnnotations parsed = parser.parse(annotation("img7", object("RBC", "1", "2", "3", "4"))
                .getBytes(StandardCharsets.UTF_8), FILE, listed);
        assertEquals("file:/data/JPEGImages/img7.png", parsed.boxes().get(0).imagePath());
        assertEquals("img7", parsed.boxes().get(0).imageId());
    }

    private ParsedAnnotations parse(String xml) {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), FILE, images);
    }

    static String annotation(String filename, String... objects) {
        return "<annotation><folder>JPEGImages</folder><filename>" + filename + "</filename>"
                + "<size><width>640</width><height>480</height><depth>3</depth></size>"
                + String.join("", objects) + "</annotation>";
    }

    static String object(String name, String xmin, String ymin, String xmax, String ymax) {
        return "<object><name>" + name + "</name><pose>Unspecified</pose><bndbox>"
                + (xmin.isEmpty() ? "" : "<xmin>" + xmin + "</xmin>")
                + (ymin.isEmpty() ? "" : "<ymin>" + ymin + "</ymin>")
                + (xmax.isEmpty() ? "" : "<xmax>" + xmax + "</xmax>")
                + (ymax.isEmpty() ? "" : "<ymax>" + ymax + "</ymax>")
                + "</bndbox></object>";
    }
}
