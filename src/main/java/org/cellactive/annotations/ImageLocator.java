package org.cellactive.annotations;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cellactive.reject.RejectedException;

/**
 * Turns an image name written in an annotation into a qualified Hadoop path inside the
 * images folder ({@code --images}), and refuses every name that would point anywhere
 * else: absolute paths, {@code ..} segments, URL schemes, backslashes, control and NUL
 * characters. Nested names such as {@code day1/BloodImage_00000.jpg} are allowed.
 *
 * <p>It never touches the file system per name: whether the image exists is found out
 * when the image is read, where a missing file becomes a {@code decode} reject. The only
 * file-system access is optional and happens once, when {@link #withListing} records the
 * names in the folder so that {@link #fileNameFor} can pick an extension.
 */
public final class ImageLocator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Extensions tried, in this order, for a name written without one. */
    public static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "tif", "tiff");

    private final String dir;
    /** Names of the files directly in the folder, or null when the folder was not listed. */
    private final Set<String> listing;

    /**
     * @param imagesDir a Hadoop path string: {@code file:/...}, {@code hdfs://...},
     *                  {@code s3a://...}, or a local path (made absolute against the
     *                  working directory)
     */
    public ImageLocator(String imagesDir) {
        this(qualifyLocal(imagesDir), null);
    }

    private ImageLocator(String qualifiedDir, Set<String> listing) {
        this.dir = new Path(qualifiedDir).toString(); // Path drops a trailing slash
        this.listing = listing == null ? null : Set.copyOf(listing);
    }

    /**
     * The folder qualified against its own file system (so a scheme-less path means the
     * cluster's default file system, as everywhere else in Hadoop).
     */
    public static ImageLocator in(String imagesDir, Configuration conf) throws IOException {
        Path path = new Path(imagesDir);
        FileSystem fs = path.getFileSystem(conf);
        return new ImageLocator(fs.makeQualified(path).toString(), null);
    }

    /** A copy that knows the names of the files directly in the folder. */
    public ImageLocator withListing(Set<String> fileNames) {
        return new ImageLocator(dir, fileNames);
    }

    /** The qualified images folder. */
    public String imagesDir() {
        return dir;
    }

    /**
     * The qualified path of {@code fileName} inside the images folder.
     *
     * @throws RejectedException (stage annotation) if the name is empty or could leave
     *                           the folder
     */
    public String resolve(String fileName) throws RejectedException {
        if (fileName == null || fileName.isBlank()) {
            throw reject("image name is empty");
        }
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (Character.isISOControl(c)) {
                throw reject("image name " + ReasonText.quote(fileName) + " contains a control character");
            }
            if (c == '\\') {
                throw reject("image name " + ReasonText.quote(fileName) + " contains a backslash");
            }
            if (c == ':') {
                throw reject("image name " + ReasonText.quote(fileName)
                        + " contains ':' (URL schemes and drive letters are refused)");
            }
        }
        if (fileName.startsWith("/")) {
            throw reject("image name " + ReasonText.quote(fileName) + " is an absolute path");
        }
        for (String segment : fileName.split("/", -1)) {
            if (segment.equals("..")) {
                throw reject("image name " + ReasonText.quote(fileName) + " climbs out with '..'");
            }
        }
        Path base = new Path(dir);
        Path child;
        try {
            child = new Path(base, fileName);
        } catch (IllegalArgumentException e) {
            throw reject("image name " + ReasonText.quote(fileName) + " is not a valid path");
        }
        // The checks above should make this impossible; it stays as the one rule that matters.
        URI b = base.toUri();
        URI c = child.toUri();
        String basePath = b.getPath().endsWith("/") ? b.getPath() : b.getPath() + "/";
        if (!equalOrNull(b.getScheme(), c.getScheme()) || !equalOrNull(b.getAuthority(), c.getAuthority())
                || !c.getPath().startsWith(basePath) || c.getPath().length() == basePath.length()) {
            throw reject("image name " + ReasonText.quote(fileName) + " resolves outside the images folder");
        }
        return child.toString();
    }

    /**
     * The image file for a name written without extension: if the folder was listed, the
     * first {@code stem.EXT} present (EXT in the order of {@link #IMAGE_EXTENSIONS}, lower
     * or upper case); otherwise {@code stem.jpg}.
     */
    public String fileNameFor(String stem) {
        String found = findListed(stem);
        return found != null ? found : stem + ".jpg";
    }

    /** The listed file {@code stem.EXT}, or null if there is none or the folder was not listed. */
    public String findListed(String stem) {
        if (listing == null) {
            return null;
        }
        for (String ext : IMAGE_EXTENSIONS) {
            for (String candidate : new String[] {stem + "." + ext, stem + "." + ext.toUpperCase(Locale.ROOT)}) {
                if (listing.contains(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** True if the base name has an extension (a dot that does not start it). */
    static boolean hasExtension(String name) {
        return name.substring(name.lastIndexOf('/') + 1).lastIndexOf('.') > 0;
    }

    static boolean hasImageExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Base name without its last extension: {@code a/b/BloodImage_00000.jpg -> BloodImage_00000}. */
    static String stem(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static String qualifyLocal(String imagesDir) {
        if (imagesDir == null || imagesDir.isBlank()) {
            throw new IllegalArgumentException("images folder is empty");
        }
        Path path = new Path(imagesDir);
        if (path.toUri().getScheme() != null) {
            return path.toString();
        }
        return new Path(new File(imagesDir).getAbsoluteFile().toURI()).toString();
    }

    private static boolean equalOrNull(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static RejectedException reject(String reason) {
        return new RejectedException(RejectedException.Stage.ANNOTATION, reason);
    }

    @Override
    public String toString() {
        return "ImageLocator[" + dir + "]";
    }
}
