package org.cellactive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the BCCD dataset for {@code demo}: the {@code --data} folder, else
 * {@code data/BCCD_Dataset} (what a clone of the public repository makes), else a
 * fresh clone of the public repository there, at a pinned commit.
 */
final class BccdLocation {
    static final String REPOSITORY = "https://github.com/Shenggan/BCCD_Dataset.git";
    /** The commit the project was tested against: 364 images, 4,888 boxes. */
    static final String PINNED_COMMIT = "ec96fe4104e9bb329f0d263db95cf1edd8c09909";
    static final Path DEFAULT_DIR = Path.of("data", "BCCD_Dataset");

    private BccdLocation() {
    }

    /** The folder holding Annotations/ and JPEGImages/, or null when {@code dir} has neither layout. */
    static Path bccdFolder(Path dir) {
        for (Path candidate : List.of(dir.resolve("BCCD"), dir)) {
            if (Files.isDirectory(candidate.resolve("Annotations")) && Files.isDirectory(candidate.resolve("JPEGImages"))) {
                return candidate;
            }
        }
        return null;
    }

    /** What to do by hand when the automatic fetch cannot run. */
    static String manualSteps(Path dir) {
        return String.join(System.lineSeparator(),
                "BCCD (MIT licence) is not at " + dir.toAbsolutePath() + " and could not be fetched. On a machine with network:",
                "  git clone " + REPOSITORY + " " + dir,
                "  git -C " + dir + " checkout " + PINNED_COMMIT,
                "then copy the folder here, or pass --data DIR (the folder that holds BCCD/Annotations and BCCD/JPEGImages).");
    }

    /** Clones the pinned commit into {@code dir}; returns an error message, or null on success. */
    static String fetch(Path dir) {
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            String failure = git(null, "clone", "--quiet", REPOSITORY, dir.toString());
            if (failure == null) {
                failure = git(dir, "checkout", "--quiet", PINNED_COMMIT);
            }
            return failure;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        if (dir != null) {
            command.addAll(List.of("-C", dir.toString()));
        }
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "git is not installed (" + e.getMessage() + ")";
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "git " + args[0] + " timed out";
        }
        return p.exitValue() == 0 ? null : "git " + args[0] + " failed: " + output;
    }
}
