package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.cellactive.reject.RejectedException;

class PixelBoxTest {
    private static final int W = 640;
    private static final int H = 480;

    @Test
    void vocBoxBecomesZeroBasedHalfOpen() throws RejectedException {
        PixelBox box = PixelBox.fromVoc(24, 113, 127, 207, W, H);
        assertEquals(new PixelBox(23, 112, 127, 207), box);
        assertEquals(104, box.width());  // 24..127 inclusive
        assertEquals(95, box.height());
    }

    @Test
    void boxEndingAtTheRightEdgeKeepsTheLastColumn() throws RejectedException {
        PixelBox box = PixelBox.fromVoc(523, 1, 640, 119, W, H);
        assertEquals(522, box.x0());
        assertEquals(640, box.x1());
        assertEquals(0, box.y0());
        assertEquals(118, box.width());
    }

    @Test
    void wholeImageBox() throws RejectedException {
        assertEquals(new PixelBox(0, 0, W, H), PixelBox.fromVoc(1, 1, W, H, W, H));
    }

    @Test
    void zeroAreaBoxIsRejectedAtCrop() {
        RejectedException e = assertThrows(RejectedException.class,
                () -> PixelBox.fromVoc(504, 337, 504, 337, W, H));
        assertEquals(RejectedException.Stage.CROP, e.stage());
        assertEquals("zero-area box xmin=504 ymin=337 xmax=504 ymax=337", e.reason());
    }

    @Test
    void invertedBoxIsRejected() {
        assertThrows(RejectedException.class, () -> PixelBox.fromVoc(100, 10, 90, 50, W, H));
        assertThrows(RejectedException.class, () -> PixelBox.fromVoc(10, 100, 50, 90, W, H));
    }

    @Test
    void boxWhollyOutsideIsRejected() {
        RejectedException right = assertThrows(RejectedException.class,
                () -> PixelBox.fromVoc(641, 10, 700, 50, W, H));
        assertEquals(RejectedException.Stage.CROP, right.stage());
        assertTrue(right.reason().contains("outside the 640x480 image"), right.reason());
        assertThrows(RejectedException.class, () -> PixelBox.fromVoc(-50, -50, -10, -10, W, H));
        assertThrows(RejectedException.class, () -> PixelBox.fromVoc(10, 481, 50, 600, W, H));
    }

    @Test
    void boxPartlyOutsideIsClipped() throws RejectedException {
        assertEquals(new PixelBox(599, 449, 640, 480), PixelBox.fromVoc(600, 450, 700, 500, W, H));
        assertEquals(new PixelBox(0, 0, 20, 30), PixelBox.fromVoc(-5, 0, 20, 30, W, H));
    }

    @Test
    void hostileCoordinatesDoNotOverflow() {
        assertThrows(RejectedException.class,
                () -> PixelBox.fromVoc(Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 5, 3, W, H));
    }

    @Test
    void expandAddsContextAndClips() {
        assertEquals(new PixelBox(5, 5, 25, 25), new PixelBox(10, 10, 20, 20).expand(5, W, H));
        assertEquals(new PixelBox(0, 0, 640, 480), new PixelBox(2, 3, 639, 479).expand(10, W, H));
        assertEquals(new PixelBox(2, 3, 4, 5), new PixelBox(2, 3, 4, 5).expand(0, W, H));
    }

    @Test
    void emptyBoxCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new PixelBox(5, 5, 5, 10));
    }
}
