package org.gbx.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a file or folder an officer named before anything is sent or written, so a typo in a
 * path is a usage error (exit 2) that names the path, never a failure half-way through a command.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** An empty path names the working folder by accident: it is never what was meant. */
    private static Path named(Path path) {
        if (path.toString().isBlank()) {
            throw new InvalidInputException("input.emptyPath");
        }
        return path;
    }

    /** A file to read: it exists, is a file (not a folder) and can be read. */
    static Path readableFile(Path path) {
        named(path);
        if (!Files.exists(path)) {
            throw new InvalidInputException("input.fileMissing", path);
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("input.notAFile", path);
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException("input.fileUnreadable", path);
        }
        return path;
    }

    /** A folder to read: it exists, is a folder and can be listed. */
    static Path readableFolder(Path path) {
        named(path);
        if (!Files.exists(path)) {
            throw new InvalidInputException("input.folderMissing", path);
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("input.notAFolder", path);
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            throw new InvalidInputException("input.folderUnreadable", path);
        }
        return path;
    }

    /**
     * A file to write (created or replaced): not a folder, and either writable or new in a folder
     * that exists and can be written.
     */
    static Path writableFile(Path path) {
        named(path);
        if (Files.isDirectory(path)) {
            throw new InvalidInputException("input.notAFile", path);
        }
        if (Files.exists(path)) {
            if (!Files.isWritable(path)) {
                throw new InvalidInputException("input.fileNotWritable", path);
            }
            return path;
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InvalidInputException("input.folderMissing", folder == null ? path : folder);
        }
        if (!Files.isWritable(folder)) {
            throw new InvalidInputException("input.folderNotWritable", folder);
        }
        return path;
    }

    /** A file that is read if it exists and written afterwards: a checkpoint. */
    static Path readWriteFile(Path path) {
        if (Files.exists(path)) {
            readableFile(path);
        }
        return writableFile(path);
    }

    /** A folder that is written into, created if missing (its parent must then be writable). */
    static Path writableFolder(Path path) {
        named(path);
        if (Files.exists(path)) {
            if (!Files.isDirectory(path)) {
                throw new InvalidInputException("input.notAFolder", path);
            }
            if (!Files.isWritable(path) || !Files.isExecutable(path)) {
                throw new InvalidInputException("input.folderNotWritable", path);
            }
            return path;
        }
        writableFile(path);
        return path;
    }
}
