package dev.serverlab.core.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The directory behind {@code /files/{name}}: reads and writes whole files
 * by name, and makes sure no name reaches anything outside the directory.
 *
 * <p>Names arrive already percent-decoded, so one set of checks covers raw
 * and encoded forms alike ({@code ..%2f} is {@code ../} by the time it gets
 * here). The checks refuse more than strictly needed ({@code a..b} too):
 * a short rule that is obviously safe beats a precise one that needs proof.
 */
final class FileStore {

    /** Substrings no name may hold: separators on any OS, parent steps, and NUL (which C APIs treat as the end). */
    private static final List<String> FORBIDDEN = List.of("/", "\\", "..", "\0");

    private final Path directory;

    FileStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The named file's bytes, or empty when there is no regular file by that
     * name. Symbolic links are not followed: a link planted in the directory
     * must not become a way out of it.
     *
     * @throws BadRequestException if the name is not a plain file name
     */
    Optional<byte[]> read(String name) throws IOException {
        Path file = resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted between the check and the read
        }
    }

    /**
     * Stores {@code content} under {@code name}, replacing any file there.
     * The bytes go to a temporary file in the same directory, are forced to
     * disk, and only then renamed over the name. A rename within one file
     * system is atomic, so a reader sees the old file or the whole new one,
     * and a write that fails halfway (disk full, crash) leaves no half file.
     *
     * @throws BadRequestException        if the name is not a plain file name
     * @throws FileAlreadyExistsException  if a directory has the name: the
     *                                     client asked for something the
     *                                     directory's state forbids, not a server fault
     */
    void write(String name, byte[] content) throws IOException {
        Path file = resolve(name);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(name, null, "a directory has this name");
        }
        Path temp = Files.createTempFile(directory, ".upload-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof IOException && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                // A directory appeared under the name after the check above.
                throw new FileAlreadyExistsException(name, null, "a directory has this name");
            }
            throw e;
        }
    }

    /**
     * The path for a client-supplied name, or {@link BadRequestException}.
     * The final containment check should never fire given the rules before
     * it; it is there so that loosening a rule later cannot open a hole.
     */
    private Path resolve(String name) {
        if (name.isEmpty() || name.equals(".")) {
            throw new BadRequestException("file name must not be empty or '.'");
        }
        for (String forbidden : FORBIDDEN) {
            if (name.contains(forbidden)) {
                throw new BadRequestException("file name must not contain " + describe(forbidden));
            }
        }
        Path file;
        try {
            file = directory.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new BadRequestException("not a valid file name on this system");
        }
        if (!directory.equals(file.getParent())) {
            throw new BadRequestException("file name must stay inside the directory");
        }
        return file;
    }

    private static String describe(String forbidden) {
        return forbidden.equals("\0") ? "NUL" : "'" + forbidden + "'";
    }
}
