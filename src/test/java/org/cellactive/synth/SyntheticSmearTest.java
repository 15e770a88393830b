package org.cellactive.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.CellSegmenter;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.PixelBox;
import org.cellactive.reject.RejectedException;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.ThresholdMethod;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SyntheticSmearTest {
    private static final SyntheticSmear SMEAR = SyntheticSmear.generate("Synth_<1>&.jpg", 640, 480, 42);

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int number(Element parent, String tag) {
        return Integer.parseInt(parent.getElementsByTagName(tag).item(0).getTextContent().trim());
    }

    @Test
    void vocIsWellFormedAndListsEveryCell() throws Exception {
        Document voc = parse(SMEAR.vocXml());
        Element root = voc.getDocumentElement();
        assertEquals("annotation", root.getTagName());
        assertEquals("Synth_<1>&.jpg", root.getElementsByTagName("filename").item(0).getTextContent());
        Element size = (Element) root.getElementsByTagName("size").item(0);
        assertEquals(640, number(size, "width"));
        assertEquals(480, number(size, "height"));
        NodeList objects = root.getElementsByTagName("object");
        assertEquals(SMEAR.cells().size(), objects.getLength());
        for (int i = 0; i < objects.getLength(); i++) {
            Element object = (Element) objects.item(i);
            SyntheticCell cell = SMEAR.cells().get(i);
            assertEquals(cell.kind().vocName(), object.getElementsByTagName("name").item(0).getTextContent());
            assertEquals(cell.xmin(), number(object, "xmin"));
            assertEquals(cell.ymax(), number(object, "ymax"));
        }
    }

    @Test
    void boxesLieInsideTheImageAndAreNotEmpty() {
        for (long seed = 0; seed < 20; seed++) {
            SyntheticSmear smear = SyntheticSmear.generate("s.jpg", 640, 480, seed);
            assertFalse(smear.cells().isEmpty());
            for (SyntheticCell cell : smear.cells()) {
                assertTrue(cell.xmin() >= 1 && cell.ymin() >= 1, "seed " + seed);
                assertTrue(cell.xmax() <= 640 && cell.ymax() <= 480, "seed " + seed);
                assertTrue(cell.xmin() < cell.xmax() && cell.ymin() < cell.ymax(), "seed " + seed);
            }
        }
    }

    @Test
    void boxOfACellInsideTheImageIsItsDiameterWide() {
        SyntheticCell cell = new SyntheticCell(CellKind.RBC, 100.0, 200.0, 50.0, 640, 480);
        // Pixels 50..149 (0-based) are covered: VOC 51..150.
        assertEquals(51, cell.xmin());
        assertEquals(150, cell.xmax());
        assertEquals(151, cell.ymin());
        assertEquals(250, cell.ymax());
        assertFalse(cell.truncated());
        SyntheticCell edge = new SyntheticCell(CellKind.RBC, 620.0, 10.0, 50.0, 640, 480);
        assertEquals(1, edge.ymin());
        assertEquals(640, edge.xmax());
        assertTrue(edge.truncated());
    }

    @Test
    void sameSeedGivesTheSameFilesAndAnotherSeedDoesNot() {
        SyntheticSmear again = SyntheticSmear.generate("Synth_<1>&.jpg", 640, 480, 42);
        assertArrayEquals(SMEAR.jpeg(), again.jpeg());
        assertEquals(SMEAR.vocXml(), again.vocXml());
        SyntheticSmear other = SyntheticSmear.generate("Synth_<1>&.jpg", 640, 480, 43);
        assertFalse(Arrays.equals(SMEAR.jpeg(), other.jpeg()));
    }

    @Test
    void largerImagesHoldMoreCells() {
        int small = 0;
        int large = 0;
        for (long seed = 0; seed < 5; seed++) {
            small += SyntheticSmear.generate("s.jpg", 640, 480, seed).cells().size();
            large += SyntheticSmear.generate("s.jpg", 1280, 960, seed).cells().size();
        }
        assertTrue(large > 3 * small, small + " vs " + large);
    }

    @Test
    void cellsDecodeAndSegmentLikeRealOnes() throws RejectedException {
        RgbImage image = new ImageDecoder(10_000_000L).decode(SMEAR.jpeg(), SMEAR.imageName());
        assertEquals(640, image.width());
        assertEquals(480, image.height());
        CellSegmenter segmenter = new CellSegmenter(ThresholdMethod.OTSU);
        int red = 0;
        for (SyntheticCell cell : SMEAR.cells()) {
            if (cell.kind() != CellKind.RBC || cell.truncated()) {
                continue;
            }
            PixelBox box = PixelBox.fromVoc(cell.xmin(), cell.ymin(), cell.xmax(), cell.ymax(), 640, 480);
            CellImage crop = image.crop(box);
            ObjectMask mask = segmenter.segment(crop);
            double disk = Math.PI * cell.radius() * cell.radius();
            // The whole disk, pale centre filled in; neighbours may add a little at the box corners.
            assertEquals(disk, mask.area(), 0.15 * disk, "cell at " + cell.centreX() + "," + cell.centreY());
            red++;
        }
        assertTrue(red >= 3, "only " + red + " whole red cells");
    }

    @Test
    void whiteCellsAreBluerThanRedCells() throws RejectedException {
        SyntheticSmear smear = SyntheticSmear.generate("s.jpg", 1280, 960, 7);
        RgbImage image = new ImageDecoder(10_000_000L).decode(smear.jpeg(), "s.jpg");
        double wbc = Double.NaN;
        double rbc = Double.NaN;
        for (SyntheticCell cell : smear.cells()) {
            int centre = image.rgbAt((int) cell.centreX(), (int) cell.centreY());
            if (cell.kind() == CellKind.WBC) {
                wbc = (centre & 0xff) - (centre >> 16 & 0xff);
            } else if (cell.kind() == CellKind.RBC) {
                rbc = (centre & 0xff) - (centre >> 16 & 0xff);
            }
        }
        assertTrue(wbc > 40 && rbc < 0, "blue minus red: WBC " + wbc + ", RBC " + rbc);
    }

    @Test
    void tinyImagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticSmear.generate("s.jpg", 32, 480, 1));
    }
}
