package org.cellactive.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cellactive.reject.RejectedException;
import org.junit.jupiter.api.Test;

class ImageLocatorTest {
    private final ImageLocator hdfs = new ImageLocator("hdfs://nn:8020/data/images/");

    @Test
    void plainAndNestedNamesResolveInsideTheFolder() throws Exception {
        assertEquals("hdfs://nn:8020/data/images/BloodImage_00000.jpg", hdfs.resolve("BloodImage_00000.jpg"));
        assertEquals("hdfs://nn:8020/data/images/day1/well 3/a.jpg", hdfs.resolve("day1/well 3/a.jpg"));
        assertEquals("hdfs://nn:8020/data/images/day1/a.jpg", hdfs.resolve("./day1//a.jpg"));
        assertEquals("hdfs://nn:8020/data/images/a..b.jpg", hdfs.resolve("a..b.jpg"));
        assertEquals("hdfs://nn:8020/data/images/%2e%2e/x.jpg", hdfs.resolve("%2e%2e/x.jpg"));
        assertEquals("s3a://bucket/imgs/x.tif", new ImageLocator("s3a://bucket/imgs").resolve("x.tif"));
    }

    @Test
    void localFolderIsQualifiedAsFileUri() throws Exception {
        String dir = Path.of("some/rel dir").toAbsolutePath().toString();
        assertEquals("file:" + dir + "/x.jpg", new ImageLocator("some/rel dir").resolve("x.jpg"));
        assertEquals("file:/data/img/x.jpg", new ImageLocator("/data/img").resolve("x.jpg"));
        assertEquals("file:/data/img/x.jpg", new ImageLocator("file:///data/img/").resolve("x.jpg"));
        assertEquals("file:/data/img/x.jpg",
                ImageLocator.in("/data/img", new org.apache.hadoop.conf.Configuration()).resolve("x.jpg"));
    }

    @Test
    void namesThatLeaveTheFolderAreRejected() {
        List<String> hostile = List.of("../secret.jpg", "a/../../secret.jpg", "a/..", "..", "/etc/passwd",
                "//other-host/x.jpg", "hdfs://evil:8020/x.jpg", "file:/etc/passwd", "s3a://bucket/x.jpg",
                "C:\\Windows\\x.jpg", "a\\..\\..\\x.jpg", "x.jpg\u0000.png", "x\n.jpg", "", "   ", ".", "./");
        for (String name : hostile) {
            RejectedException e = assertThrows(RejectedException.class, () -> hdfs.resolve(name), name);
            assertEquals(RejectedException.Stage.ANNOTATION, e.stage());
        }
        assertThrows(RejectedException.class, () -> hdfs.resolve(null));
    }

    @Test
    void reasonsSayWhy() {
        assertEquals("image name '../x.jpg' climbs out with '..'",
                assertThrows(RejectedException.class, () -> hdfs.resolve("../x.jpg")).reason());
        assertEquals("image name '/etc/passwd' is an absolute path",
                assertThrows(RejectedException.class, () -> hdfs.resolve("/etc/passwd")).reason());
        assertEquals("image name 'http://x/y.jpg' contains ':' (URL schemes and drive letters are refused)",
                assertThrows(RejectedException.class, () -> hdfs.resolve("http://x/y.jpg")).reason());
        assertEquals("image name 'a?.jpg' contains a control character",
                assertThrows(RejectedException.class, () -> hdfs.resolve("a\u0000.jpg")).reason());
    }

    @Test
    void extensionIsTakenFromTheListingOrDefaultsToJpg() {
        ImageLocator listed = hdfs.withListing(Set.of("7.PNG", "8.tiff", "8.jpeg", "9.txt"));
        assertEquals("7.PNG", listed.fileNameFor("7"));
        assertEquals("8.jpeg", listed.fileNameFor("8"));
        assertEquals("9.jpg", listed.fileNameFor("9"));
        assertEquals("9.jpg", hdfs.fileNameFor("9"));
        assertEquals(null, hdfs.findListed("7"));
    }

    @Test
    void stemDropsFoldersAndTheLastExtension() {
        assertEquals("BloodImage_00000", ImageLocator.stem("day1/BloodImage_00000.jpg"));
        assertEquals("a.b", ImageLocator.stem("a.b.png"));
        assertEquals(".hidden", ImageLocator.stem(".hidden"));
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(hdfs.withListing(Set.of("a.png")));
        }
        ImageLocator back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ImageLocator) in.readObject();
        }
        assertEquals("hdfs://nn:8020/data/images/a.png", back.resolve(back.fileNameFor("a")));
        assertTrue(back.toString().contains("hdfs://nn:8020/data/images"));
    }
}
