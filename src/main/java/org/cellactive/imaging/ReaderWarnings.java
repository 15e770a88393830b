package org.cellactive.imaging;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where {@link ImageDecoder} reports the warnings of an image reader for images it still
 * decodes, one call per warning, with the warning's kind: the format and the reader's text,
 * e.g. {@code "JPEG: No embedded ICC color profile, will convert using inaccurate CMYK to RGB
 * conversion"}. The feature stage counts them per kind for the run's manifest.
 *
 * <p>Readers warn for two different things. Some warnings mean pixels are missing: a JPEG that
 * ends early decodes to a gray band with only a warning. Those images are refused
 * ({@link #meansMissingPixels}). Every other warning is about how the pixels were interpreted
 * (a CMYK JPEG without an ICC profile is converted with a generic profile, say): the image is
 * real, so it is measured and the warning recorded.
 */
public interface ReaderWarnings extends Serializable {

    /** Drops every warning: for callers with nowhere to record them. */
    ReaderWarnings IGNORED = kind -> { };

    void warned(String kind);

    /** True for warnings that say the decoded pixels are incomplete or garbled. */
    static boolean meansMissingPixels(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return w.contains("truncat") || w.contains("corrupt") || w.contains("premature")
                || w.contains("missing eoi") || w.contains("end of file") || w.contains("bad huffman");
    }
}
