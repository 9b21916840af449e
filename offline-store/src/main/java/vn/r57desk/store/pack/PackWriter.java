package vn.r57desk.store.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Makes a {@code .r57pack} from a cache (a laptop's) or a server's data: {@link PackFormat} has the layout. */
public final class PackWriter {
    private PackWriter() {}

    /**
     * What to make. {@code to}: the devices that may open it; {@code passphrase}: also (or instead)
     * whoever knows it; at least one of the two. {@code revoked}: key ids of devices that must
     * wipe their data when they see this pack.
     */
    public record Request(PackScope scope, Instant created, Instant asOf, Instant expires, long sequence,
                          List<PublicKeys> to, char[] passphrase, int iterations, List<String> revoked) {
        public Request {
            if (!expires.isAfter(created)) throw new IllegalArgumentException("the expiry " + expires + " is not after the pack's creation " + created);
            if (to.isEmpty() && passphrase == null) throw new IllegalArgumentException("a pack needs a recipient: --to DEVICE_KEY and/or --passphrase-file");
            if (passphrase != null && passphrase.length == 0) throw new IllegalArgumentException("the passphrase is empty");
            if (iterations < PackFormat.PBKDF2_MIN_ITERATIONS) throw new IllegalArgumentException("PBKDF2 needs at least " + PackFormat.PBKDF2_MIN_ITERATIONS + " iterations");
            to = List.copyOf(to);
            revoked = List.copyOf(revoked);
        }
    }

    public record Made(Path file, PackHeader header, long rows, long bytes) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Writes the pack to {@code out} (through a temporary file beside it, renamed when signed:
     * a pack is never seen half-written). {@code source} is read in one transaction.
     */
    public static Made create(Connection source, Request r, DeviceKey issuer, Path out) throws PackException {
        return create(source, r, issuer, out, PackFormat.CHUNK_SIZE);
    }

    /** With another chunk size (tests use small chunks to have many). */
    static Made create(Connection source, Request r, DeviceKey issuer, Path out, int chunkSize) throws PackException {
        String packId = UUID.randomUUID().toString();
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
        try {
            byte[] keyBytes = new byte[32];
            RANDOM.nextBytes(keyBytes);
            SecretKey contentKey = new SecretKeySpec(keyBytes, "AES");
            List<PackHeader.Recipient> recipients = new ArrayList<>();
            for (PublicKeys d : r.to()) {
                KeyPair eph = PackFormat.ephemeral();
                byte[] ephEnc = eph.getPublic().getEncoded();
                SecretKey kek = PackFormat.deviceKek(eph.getPrivate(), d.box(), ephEnc, d.box().getEncoded());
                recipients.add(new PackHeader.DeviceRecipient(d.idHex(), d.name(), ephEnc,
                        PackFormat.wrap(Cipher.ENCRYPT_MODE, kek, PackFormat.aad(packId, d.idHex()), keyBytes)));
            }
            if (r.passphrase() != null) {
                byte[] salt = new byte[16];
                RANDOM.nextBytes(salt);
                SecretKey kek = PackFormat.passphraseKek(r.passphrase(), salt, r.iterations());
                recipients.add(new PackHeader.PassphraseRecipient(r.iterations(), salt,
                        PackFormat.wrap(Cipher.ENCRYPT_MODE, kek, PackFormat.aad(packId, "passphrase"), keyBytes)));
            }
            java.util.Arrays.fill(keyBytes, (byte) 0);
            String label;
            try {
                label = ScopeLabels.label(source, r.scope());
            } catch (SQLException e) {
                throw new PackException(PackException.Problem.IO, "Không đọc được dữ liệu nguồn.", "Cannot read the source data: " + e.getMessage(), e);
            }
            PublicKeys me = issuer.publicKeys();
            PackHeader h = new PackHeader(PackFormat.VERSION, packId, me.idHex(), me.name(), r.created(), r.asOf(), r.expires(), r.sequence(),
                    r.scope(), label, List.copyOf(recipients), r.revoked(), PackFormat.CIPHER, chunkSize, PackFormat.COMPRESSION);
            byte[] header = h.toJson();
            byte[] preamble = PackFormat.preamble(me.id(), header.length);
            MessageDigest headerDigest = MessageDigest.getInstance("SHA-256");
            headerDigest.update(preamble);
            headerDigest.update(header);
            byte[] hd = headerDigest.digest();

            Files.createDirectories(tmp.getParent());
            MessageDigest all = MessageDigest.getInstance("SHA-512");
            long rows;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream file = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                OutputStream hashed = new java.security.DigestOutputStream(file, all);
                hashed.write(preamble);
                hashed.write(header);
                ChunkSealer sealer = new ChunkSealer(hashed, contentKey, hd, chunkSize);
                Map<String, String> info = new LinkedHashMap<>();
                info.put("pack_id", packId);
                info.put("pack_scope", r.scope().text());
                info.put("pack_issuer", me.label());
                info.put("pack_as_of", r.asOf().toString());
                info.put("pack_expires", r.expires().toString());
                Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
                try {
                    DeflaterOutputStream z = new DeflaterOutputStream(sealer, deflater, 1 << 16);
                    rows = PackContent.write(source, r.scope(), packId, info, z);
                    z.finish();
                } finally {
                    deflater.end();
                }
                sealer.finish();
                hashed.flush();
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(issuer.signPrivate());
                s.update(PackFormat.SIGNATURE_CONTEXT);
                s.update(all.digest());
                file.write(s.sign());
                file.flush();
                ch.force(true);
            }
            KeyFiles.move(tmp, out);
            return new Made(out, h, rows, Files.size(out));
        } catch (GeneralSecurityException e) {
            deleteQuietly(tmp);
            throw new IllegalStateException("the JDK's cryptography failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw new PackException(PackException.Problem.IO, "Không đọc được dữ liệu nguồn.", "Cannot read the source data: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new PackException(PackException.Problem.IO, "Không ghi được gói dữ liệu " + out + ".", "Cannot write the pack " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException | PackException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Makes a pack from a cache file (a laptop's, an imported pack's, a server's data), read in one
     * transaction. {@code asOf}: null to take it from the source ({@link PackContent#asOf}).
     */
    public static Made fromFile(Path src, PackScope scope, Instant expires, List<PublicKeys> to, char[] passphrase, int iterations,
                                List<String> revoked, DeviceKey issuer, long sequence, Path out, Instant asOf) throws PackException {
        Instant now = Instant.now();
        if (!Files.exists(src)) throw new IllegalArgumentException("no data at " + src);
        try (Connection c = vn.r57desk.store.db.Sqlite.open(src)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only = 1");
                st.execute("PRAGMA busy_timeout = 10000");
            }
            Instant as = asOf != null ? asOf : PackContent.asOf(c, now);
            return create(c, new Request(scope, now, as, expires, sequence, to, passphrase, iterations, revoked), issuer, out);
        } catch (SQLException e) {
            throw new PackException(PackException.Problem.IO, "Không đọc được dữ liệu nguồn " + src + ".", "Cannot read " + src + ": " + e.getMessage(), e);
        }
    }

    /** "2027-01-31" (the end of that day in Vietnam), "30d" (days from {@code now}) or an ISO instant. */
    public static Instant parseExpiry(String text, Instant now) {
        String t = text.strip();
        try {
            if (t.matches("\\d+d")) return now.plus(java.time.Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1))));
            if (t.length() == 10) return java.time.LocalDate.parse(t).plusDays(1).atStartOfDay(java.time.ZoneOffset.ofHours(7)).toInstant();
            return Instant.parse(t);
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("--expires '" + text + "' is not a date (2027-01-31), a number of days (30d) or an instant (2027-01-31T17:00:00Z)");
        }
    }

    /** A passphrase from a file, without the newline an editor adds. */
    public static char[] readPassphrase(Path file) throws IOException {
        String s = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
        if (s.isEmpty()) throw new IllegalArgumentException("the passphrase file " + file + " is empty");
        return s.toCharArray();
    }

    /** Recipients and revoked ids from the command line: public key files, or (revoked) bare key ids. */
    public static List<PublicKeys> readKeys(List<Path> files) throws PackException {
        List<PublicKeys> out = new ArrayList<>();
        if (files != null) for (Path p : files) out.add(PublicKeys.read(p));
        return out;
    }

    public static List<String> revokedIds(List<String> items) throws PackException {
        List<String> out = new ArrayList<>();
        if (items != null) {
            for (String r : items) {
                if (r.matches("[0-9a-fA-F]{32}")) out.add(r.toLowerCase(java.util.Locale.ROOT));
                else out.add(PublicKeys.read(Path.of(r)).idHex());
            }
        }
        return out;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file; the next create replaces it
        }
    }

    /**
     * Encrypts what is written to it in chunks of {@code size} bytes. A full chunk is held until
     * more bytes arrive, so the one sealed at {@link #finish} is the one flagged last.
     */
    static final class ChunkSealer extends OutputStream {
        private final OutputStream out;
        private final SecretKey key;
        private final byte[] headerDigest;
        private final byte[] buf;
        private int n;
        private long index;

        ChunkSealer(OutputStream out, SecretKey key, byte[] headerDigest, int size) {
            this.out = out;
            this.key = key;
            this.headerDigest = headerDigest;
            this.buf = new byte[size];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) seal(false);
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                out.write(PackFormat.chunkCipher(Cipher.ENCRYPT_MODE, key, headerDigest, index, last).doFinal(buf, 0, n));
            } catch (GeneralSecurityException e) {
                throw new IOException("encryption failed: " + e.getMessage(), e);
            }
            index++;
            n = 0;
        }

        void finish() throws IOException {
            seal(true);
        }

        @Override
        public void close() {
            // the pack is finished by finish(); the file is closed by its owner
        }
    }
}
