package vn.r57desk.store.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small files written whole or not at all (temp file, fsync, rename, fsync of the folder). */
final class KeyFiles {
    private KeyFiles() {}

    /** Writes {@code bytes} to {@code file} atomically; {@code secret}: readable by the owner only (POSIX). */
    static void writeAtomically(Path file, byte[] bytes, boolean secret) throws PackException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            move(tmp, file);
        } catch (IOException e) {
            throw new PackException(PackException.Problem.IO, "Không ghi được " + file + ".", "Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the plaintext {@code file} with {@code bytes} (its encrypted form) leaving no
     * plaintext: a hard link {@code file.plaintext} keeps the old blocks reachable across the atomic
     * rename, then they are overwritten and the link deleted. A crash anywhere leaves the old or the
     * new file whole; a link a crash left is dropped by the next run (overwritten, unless it is the
     * file itself). Without hard links the old blocks are freed unoverwritten (docs/security.md).
     */
    static void replacePlaintext(Path file, byte[] bytes, boolean secret) throws PackException, IOException {
        Path link = file.resolveSibling(file.getFileName() + ".plaintext");
        if (Files.exists(link)) {
            if (Files.isSameFile(link, file)) Files.delete(link);
            else DataHome.shred(link);
        }
        try {
            Files.createLink(link, file);
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            link = null;
        }
        writeAtomically(file, bytes, secret);
        if (link != null) DataHome.shred(link);
    }

    /** Atomic rename over {@code to}, then the folder flushed so the rename survives a power cut. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(to.toAbsolutePath().getParent());
    }

    static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every OS lets a folder be flushed (Windows); the rename is still atomic
        }
    }

    static Map<String, String> readFields(Path file, String magic) throws PackException {
        return parseFields(file, readText(file), magic);
    }

    static String readText(Path file) throws PackException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PackException(PackException.Problem.KEYS, "Không đọc được tệp khóa " + file + ".", "Cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The fields of a key file's {@code text} (read from {@code file}, or unwrapped from it) after its magic line. */
    static Map<String, String> parseFields(Path file, String text, String magic) throws PackException {
        Map<String, String> f = new LinkedHashMap<>();
        boolean sawMagic = false;
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int sp = line.indexOf(' ');
            String k = sp < 0 ? line : line.substring(0, sp), v = sp < 0 ? "" : line.substring(sp + 1).strip();
            if (!sawMagic) {
                if (!k.equals(magic) || !v.equals("1")) break;
                sawMagic = true;
                continue;
            }
            f.put(k, v);
        }
        if (!sawMagic) {
            throw new PackException(PackException.Problem.KEYS, "Tệp " + file + " không phải là tệp khóa R57.",
                    file + " is not an R57 key file (it should start with '" + magic + " 1')");
        }
        return f;
    }

    static String need(Path file, Map<String, String> f, String key) throws PackException {
        String v = f.get(key);
        if (v == null || v.isEmpty()) {
            throw new PackException(PackException.Problem.KEYS, "Tệp khóa " + file + " thiếu '" + key + "'.", "The key file " + file + " has no '" + key + "'");
        }
        return v;
    }
}
