"""Recompute Granularity and the Intensity edge features of real BCCD cells with
CellProfiler's own libraries (scikit-image, scipy) and compare with cellactive's values.

  mvn -o -q test-compile
  java -cp target/classes:target/test-classes -Dcellactive.bccd=../shared/data/bccd \
       org.cellactive.features.CrossCheckExport 20 /tmp/cells.bin
  python3 docs/validation/crosscheck_cellprofiler.py /tmp/cells.bin   # Debian: python3-skimage

Granularity follows CellProfiler's MeasureGranularity (module code, background sampled from
the subsampled image), with one change: scipy's "reflect" border gives 0 when the radius-10
disk is larger than the tiny background image of a crop, so the background image is padded
by true half-sample reflection before the opening. The edge pixels are
find_boundaries(mode="inner") on the mask padded with background, i.e. the crop border
counts as outside.
"""
import struct
import sys

import numpy as np
import scipy.ndimage as ndi
import skimage.morphology as morph
import skimage.segmentation as seg


def granularity(gray, mask):
    h, w = gray.shape
    new_shape = np.array(gray.shape) * 0.25
    i, j = np.mgrid[0:new_shape[0], 0:new_shape[1]].astype(float) / 0.25
    pixels = ndi.map_coordinates(gray, (i, j), order=1)
    back_shape = new_shape * 0.25
    bi, bj = np.mgrid[0:back_shape[0], 0:back_shape[1]].astype(float) / 0.25
    back = ndi.map_coordinates(pixels, (bi, bj), order=1)
    disk = morph.disk(10)
    back = ndi.grey_erosion(np.pad(back, 10, mode="symmetric"), footprint=disk)[10:-10, 10:-10]
    back = ndi.grey_dilation(np.pad(back, 10, mode="symmetric"), footprint=disk)[10:-10, 10:-10]
    i, j = np.mgrid[0:new_shape[0], 0:new_shape[1]].astype(float)
    i *= (back_shape[0] - 1) / (new_shape[0] - 1)
    j *= (back_shape[1] - 1) / (new_shape[1] - 1)
    back = ndi.map_coordinates(back, (i, j), order=1)
    pixels = pixels - back
    pixels[pixels < 0] = 0
    ero = pixels.copy()
    current = gray[mask].mean()
    start = max(current, np.finfo(float).eps)
    out = []
    for _ in range(16):
        ero = morph.erosion(ero, morph.disk(1))
        rec = morph.reconstruction(ero, pixels, footprint=morph.disk(1))
        i, j = np.mgrid[0:h, 0:w].astype(float)
        i *= (new_shape[0] - 1) / (h - 1)
        j *= (new_shape[1] - 1) / (w - 1)
        new = ndi.map_coordinates(rec, (i, j), order=1)[mask].mean()
        out.append((current - new) * 100 / start)
        current = new
    return np.array(out)


def main(path):
    data = open(path, "rb").read()
    n = struct.unpack_from("<i", data, 0)[0]
    off = 4
    worst_g = worst_e = 0.0
    checked = 0
    for _ in range(n):
        w, h = struct.unpack_from("<ii", data, off)
        off += 8
        gray = np.frombuffer(data, "<f4", w * h, off).reshape(h, w).astype(np.float64)
        off += 4 * w * h
        mask = np.frombuffer(data, "u1", w * h, off).reshape(h, w).astype(bool)
        off += w * h
        values = np.frombuffer(data, "<f8", 31, off)
        off += 8 * 31
        if h < 16 or w < 16:  # below 16 px the stretch factor turns negative in CellProfiler
            continue
        checked += 1
        worst_g = max(worst_g, np.abs(granularity(gray, mask) - values[:16]).max())
        edge = seg.find_boundaries(np.pad(mask.astype(int), 1), mode="inner")[1:-1, 1:-1]
        e = gray[edge]
        expected = np.array([e.sum(), e.mean(), e.std(), e.min(), e.max()])
        worst_e = max(worst_e, np.abs(expected - values[16 + 5:16 + 10]).max())
    print(f"cells {checked}: max |Granularity diff| {worst_g:.3g} (percent), "
          f"max |Intensity edge diff| {worst_e:.3g}")
    return 0 if worst_g < 1e-9 and worst_e < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
