package org.cellactive.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvAnnotationParserTest {
    private static final String FILE = "file:/data/boxes.csv";
    private static final String DIR = "file:/data/JPEGImages/";
    private final ImageLocator images = new ImageLocator("file:/data/JPEGImages");
    private final CsvAnnotationParser parser = new CsvAnnotationParser();

    @Test
    void bccdExportWithPandasIndexColumn() {
        ParsedAnnotations parsed = parse(images,
                ",filename,cell_type,xmin,xmax,ymin,ymax",
                "0,BloodImage_00000.jpg,WBC,260,491,177,376",
                "1,BloodImage_00000.jpg,RBC,78,184,336,435",
                "2,BloodImage_00001.jpg,Platelets,68,165,315,410",
                "3,BloodImage_00000.jpg,RBC,63,169,237,336");

        assertEquals(List.of(), parsed.rejects());
        assertEquals(List.of(
                new CellBox("BloodImage_00000", 0, "WBC", DIR + "BloodImage_00000.jpg", 260, 177, 491, 376),
                new CellBox("BloodImage_00000", 1, "RBC", DIR + "BloodImage_00000.jpg", 78, 336, 184, 435),
                new CellBox("BloodImage_00001", 0, "Platelets", DIR + "BloodImage_00001.jpg", 68, 315, 165, 410),
                new CellBox("BloodImage_00000", 2, "RBC", DIR + "BloodImage_00000.jpg", 63, 237, 169, 336)),
                parsed.boxes());
    }

    @Test
    void headerCaseSpacesBomAndExtraColumnsDoNotMatter() {
        ParsedAnnotations parsed = parse(images,
                "\uFEFF FileName , Cell_Type,XMIN,XMAX,YMin,YMax,score",
                "a.png, RBC ,1,2,3,4,0.9");

        assertEquals(List.of(new CellBox("a", 0, "RBC", DIR + "a.png", 1, 3, 2, 4)), parsed.boxes());
    }

    @Test
    void articleVariantWithNumericAndStemImageIds() {
        ImageLocator listed = images.withListing(Set.of("7.png", "BloodImage_00003.jpg"));
        ParsedAnnotations parsed = parse(listed,
                "image_id,cell_id,cell_type,xmin,ymin,xmax,ymax",
                "0,3,RBC,1,2,3,4",
                "00012,0,WBC,1,2,3,4",
                "7,5,,1,2,3,4",
                "BloodImage_00003,1,RBC,1,2,3,4",
                "BloodImage_00004.jpg,0,RBC,1,2,3,4",
                "cellsA,0,RBC,1,2,3,4");

        assertEquals(List.of(), parsed.rejects());
        assertEquals(List.of("BloodImage_00000_03", "BloodImage_00012_00", "7_05", "BloodImage_00003_01",
                "BloodImage_00004_00", "cellsA_00"), parsed.boxes().stream().map(CellBox::cellKey).toList());
        assertEquals(List.of(DIR + "BloodImage_00000.jpg", DIR + "BloodImage_00012.jpg", DIR + "7.png",
                DIR + "BloodImage_00003.jpg", DIR + "BloodImage_00004.jpg", DIR + "cellsA.jpg"),
                parsed.boxes().stream().map(CellBox::imagePath).toList());
        assertNull(parsed.boxes().get(2).cellType());
    }

    @Test
    void withoutCellIdColumnIdsCountRowsPerImageIncludingRejectedOnes() {
        ParsedAnnotations parsed = parse(images,
                "image_id,xmin,ymin,xmax,ymax",
                "5,1,2,3,4",
                "5,x,2,3,4",
                "6,1,2,3,4",
                "5,1,2,3,4");

        assertEquals(List.of("BloodImage_00005_00", "BloodImage_00006_00", "BloodImage_00005_02"),
                parsed.boxes().stream().map(CellBox::cellKey).toList());
        assertEquals(List.of(new Reject(FILE, "BloodImage_00005", 1, "BloodImage_00005_01", "annotation",
                "line 3: xmin 'x' is not an integer")), parsed.rejects());
    }

    @Test
    void badRowsAreRejectedWithTheirLineNumbers() {
        ParsedAnnotations parsed = parse(images,
                "filename,cell_type,xmin,xmax,ymin,ymax",  // line 1
                "a.jpg,RBC,1,2,3,4",                        // 2 ok
                "",                                         // 3 blank: skipped
                "a.jpg,RBC,abc,2,3,4",                      // 4
                "a.jpg,RBC,1,2,3",                          // 5
                ",RBC,1,2,3,4",                             // 6
                "a.jpg,RBC,9,2,3,4",                        // 7
                "../b.jpg,RBC,1,2,3,4",                     // 8
                "\"a.jpg\",\"multi",                        // 9..10: one record over two lines
                "line\",-1,2,3,4",
                "a.jpg,WBC,5,6,7,8");                       // 11 ok

        assertEquals(List.of(0, 4), parsed.boxes().stream().map(CellBox::cellId).toList());
        assertEquals(List.of(
                "line 4: xmin 'abc' is not an integer",
                "line 5: has 5 fields, the header has 6",
                "line 6: filename is empty",
                "line 7: xmin 9 > xmax 2",
                "line 8: image name '../b.jpg' climbs out with '..'",
                "line 9: xmin -1 is negative"),
                parsed.rejects().stream().map(Reject::reason).toList());
        assertTrue(parsed.rejects().stream().allMatch(r -> r.file().equals(FILE) && r.stage().equals("annotation")));
        assertEquals("a_01", parsed.rejects().get(0).cellKey());
        assertNull(parsed.rejects().get(1).imageId());
    }

    @Test
    void repeatedCellIdIsRejected() {
        ParsedAnnotations parsed = parse(images,
                "image_id,cell_id,xmin,ymin,xmax,ymax",
                "a,0,1,2,3,4",
                "a,1,1,2,3,4",
                "a,0,5,6,7,8",
                "a,-2,5,6,7,8");

        assertEquals(2, parsed.boxes().size());
        assertEquals(List.of("line 4: cell_id 0 of image a repeats line 2", "line 5: cell_id '-2' is not an integer >= 0"),
                parsed.rejects().stream().map(Reject::reason).toList());
        assertNull(parsed.rejects().get(1).cellId());
    }

    @Test
    void unclosedQuoteRejectsTheRestOfTheFile() {
        ParsedAnnotations parsed = parse(images,
                "filename,xmin,xmax,ymin,ymax",
                "a.jpg,1,2,3,4",
                "\"b.jpg,1,2,3,4",
                "c.jpg,1,2,3,4");

        assertEquals(1, parsed.boxes().size());
        assertEquals(List.of("line 3: malformed CSV (e.g. an unclosed quote); the rest of the file is not read"),
                parsed.rejects().stream().map(Reject::reason).toList());
    }

    @Test
    void missingRequiredColumnsFailTheWholeFile() {
        AnnotationsException e = assertThrows(AnnotationsException.class, () -> parse(images,
                "name,cell_type,xmin,xmax,ymin", "a.jpg,RBC,1,2,3"));
        assertTrue(e.getMessage().startsWith("annotation CSV " + FILE + " lacks column(s) filename or image_id, ymax;"),
                e.getMessage());

        assertThrows(AnnotationsException.class, () -> parse(images, ""));
        assertThrows(AnnotationsException.class, () -> parse(images, "filename,xmin,xmin,ymin,xmax,ymax"));
    }

    private ParsedAnnotations parse(ImageLocator locator, String... lines) {
        return parser.parse(new StringReader(String.join("\n", lines) + "\n"), FILE, locator);
    }
}
