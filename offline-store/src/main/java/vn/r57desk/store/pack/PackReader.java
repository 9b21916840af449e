package vn.r57desk.store.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads a {@code .r57pack}: first {@link #verify} (the signature against a trusted key, over the
 * raw bytes, before anything in the pack is parsed or decrypted), then {@link #unlock} the content
 * key and {@link #content} the plaintext.
 */
public final class PackReader {
    private PackReader() {}

    /** A pack whose signature was verified: its parsed header, and where its chunks are. */
    public record Verified(Path file, PublicKeys issuer, PackHeader header, long contentStart, long contentEnd, byte[] headerDigest, byte[] digest) {}

    /** The issuer key id a pack names, read without trusting anything (for a message about an unknown issuer). */
    public static String issuerIdHex(Path file) throws PackException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return HexFormat.of().formatHex(preamble(file, ch).issuerId);
        } catch (IOException e) {
            throw io(file, e);
        }
    }

    private record Preamble(byte[] issuerId, int headerLength) {}

    private static Preamble preamble(Path file, FileChannel ch) throws IOException, PackException {
        long size = ch.size();
        ByteBuffer b = ByteBuffer.allocate(PackFormat.PREAMBLE);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) { /* reads the preamble */ }
        if (b.hasRemaining() || !Arrays.equals(Arrays.copyOf(b.array(), 8), PackFormat.MAGIC)) {
            throw new PackException(PackException.Problem.NOT_A_PACK, "Tệp " + file.getFileName() + " không phải là gói dữ liệu R57.",
                    file + " is not an R57 pack (.r57pack)");
        }
        b.flip().position(8);
        int version = Short.toUnsignedInt(b.getShort()), flags = Short.toUnsignedInt(b.getShort());
        if (version != PackFormat.VERSION || flags != 0) {
            throw new PackException(PackException.Problem.NOT_A_PACK, "Gói dữ liệu " + file.getFileName() + " thuộc phiên bản mới hơn; hãy cập nhật R57 Desk.",
                    file + " is a pack of format " + version + " (flags " + flags + "); this version reads format " + PackFormat.VERSION + ": update R57 Desk");
        }
        byte[] id = new byte[PackFormat.KEY_ID_BYTES];
        b.get(id);
        int h = b.getInt();
        if (h <= 0 || h > PackFormat.MAX_HEADER || PackFormat.PREAMBLE + (long) h + PackFormat.TAG + PackFormat.SIGNATURE > size) {
            // A length no signer writes: changed or cut short. The signature check would fail too.
            throw tampered(file, "its header length is impossible");
        }
        return new Preamble(id, h);
    }

    /**
     * Verifies the signature of {@code file} with the trusted key its preamble names; only then
     * parses the header. {@code trusted} answers a key id with a trusted key or null.
     */
    public static Verified verify(Path file, Function<byte[], PublicKeys> trusted) throws PackException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Preamble p = preamble(file, ch);
            PublicKeys issuer = trusted.apply(p.issuerId);
            if (issuer == null) {
                String id = HexFormat.of().formatHex(p.issuerId);
                throw new PackException(PackException.Problem.UNKNOWN_ISSUER,
                        "Gói dữ liệu được ký bằng một khóa máy này không tin cậy (" + id.substring(0, 16) + "…). Chỉ nhận gói từ văn phòng hoặc từ máy đã được tin cậy.",
                        "The pack is signed by a key this laptop does not trust (id " + id + "): import refused. Trust the issuer's public key first (pack trust KEYFILE) if you know whose it is");
            }
            long size = ch.size();
            long signedEnd = size - PackFormat.SIGNATURE;
            MessageDigest all = MessageDigest.getInstance("SHA-512");
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            long pos = 0;
            while (pos < signedEnd) {
                buf.clear().limit((int) Math.min(buf.capacity(), signedEnd - pos));
                int r = ch.read(buf, pos);
                if (r < 0) throw tampered(file, "it ended early");
                all.update(buf.array(), 0, r);
                pos += r;
            }
            ByteBuffer sig = ByteBuffer.allocate(PackFormat.SIGNATURE);
            while (sig.hasRemaining()) if (ch.read(sig, signedEnd + sig.position()) < 0) throw tampered(file, "its signature is cut short");
            byte[] digest = all.digest();
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(issuer.sign());
            s.update(PackFormat.SIGNATURE_CONTEXT);
            s.update(digest);
            boolean ok;
            try {
                ok = s.verify(sig.array());
            } catch (java.security.SignatureException e) {
                ok = false;
            }
            if (!ok) throw tampered(file, "its signature does not match its content");
            // Verified: from here on the bytes are the issuer's.
            ByteBuffer hb = ByteBuffer.allocate(p.headerLength);
            while (hb.hasRemaining()) ch.read(hb, PackFormat.PREAMBLE + hb.position());
            PackHeader header = PackHeader.parse(hb.array());
            if (!header.issuerId().equalsIgnoreCase(issuer.idHex()) || header.format() != PackFormat.VERSION
                    || !PackFormat.CIPHER.equals(header.cipher()) || !PackFormat.COMPRESSION.equals(header.compression())
                    || header.chunkSize() < 1024 || header.chunkSize() > (64 << 20)) {
                throw new PackException(PackException.Problem.BAD_CONTENT, "Phần đầu của gói dữ liệu không hợp lệ.",
                        "The pack's header does not agree with its preamble or names an unsupported cipher/compression");
            }
            MessageDigest hd = MessageDigest.getInstance("SHA-256");
            hd.update(PackFormat.preamble(p.issuerId, p.headerLength));
            hd.update(hb.array());
            return new Verified(file, issuer, header, PackFormat.PREAMBLE + (long) p.headerLength, signedEnd, hd.digest(), digest);
        } catch (IOException e) {
            throw io(file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's cryptography failed: " + e.getMessage(), e);
        }
    }

    /**
     * The content key: with this device's key if the pack names it, else with the passphrase.
     * Either may be null.
     */
    public static SecretKey unlock(Verified v, DeviceKey device, char[] passphrase) throws PackException {
        PackHeader h = v.header();
        boolean forPassphrase = false;
        try {
            for (PackHeader.Recipient r : h.recipients()) {
                if (r instanceof PackHeader.DeviceRecipient d && device != null && d.keyId().equalsIgnoreCase(device.publicKeys().idHex())) {
                    SecretKey kek = PackFormat.deviceKek(device.boxPrivate(), PackFormat.x25519(d.ephemeral()), d.ephemeral(),
                            device.publicKeys().box().getEncoded());
                    try {
                        return new SecretKeySpec(PackFormat.wrap(Cipher.DECRYPT_MODE, kek, PackFormat.aad(h.packId(), d.keyId()), d.wrapped()), "AES");
                    } catch (AEADBadTagException e) {
                        throw new PackException(PackException.Problem.NOT_FOR_THIS_DEVICE, "Khóa của máy này không mở được gói dữ liệu.",
                                "This device's key does not open the pack (its key file changed since the pack was made?)");
                    }
                }
            }
            for (PackHeader.Recipient r : h.recipients()) {
                if (!(r instanceof PackHeader.PassphraseRecipient p)) continue;
                forPassphrase = true;
                if (passphrase == null) continue;
                if (p.iterations() < PackFormat.PBKDF2_MIN_ITERATIONS || p.iterations() > PackFormat.PBKDF2_MAX_ITERATIONS) {
                    throw new PackException(PackException.Problem.BAD_CONTENT, "Gói dữ liệu dùng tham số mật khẩu không hợp lệ.",
                            "The pack's passphrase uses " + p.iterations() + " PBKDF2 iterations, outside " + PackFormat.PBKDF2_MIN_ITERATIONS + "…" + PackFormat.PBKDF2_MAX_ITERATIONS);
                }
                SecretKey kek = PackFormat.passphraseKek(passphrase, p.salt(), p.iterations());
                try {
                    return new SecretKeySpec(PackFormat.wrap(Cipher.DECRYPT_MODE, kek, PackFormat.aad(h.packId(), "passphrase"), p.wrapped()), "AES");
                } catch (AEADBadTagException e) {
                    throw new PackException(PackException.Problem.WRONG_PASSPHRASE, "Sai mật khẩu của gói dữ liệu.",
                            "Wrong passphrase for this pack");
                }
            }
        } catch (GeneralSecurityException e) {
            throw new PackException(PackException.Problem.BAD_CONTENT, "Gói dữ liệu có khóa hỏng.", "The pack's wrapped key is malformed: " + e.getMessage(), e);
        }
        if (forPassphrase) {
            throw new PackException(PackException.Problem.WRONG_PASSPHRASE, "Gói dữ liệu cần mật khẩu.",
                    "This pack needs its passphrase (--passphrase-file)" + (device == null ? "" : ": it is not addressed to this device's key"));
        }
        throw new PackException(PackException.Problem.NOT_FOR_THIS_DEVICE, "Gói dữ liệu không dành cho máy này.",
                "The pack is not addressed to this device" + (device == null ? " (this laptop has no device key: pack keygen)" : " (" + device.publicKeys().label() + ")")
                        + "; it is for: " + String.join(", ", h.recipientLabels()));
    }

    /**
     * The plaintext content (the snapshot page), decrypted chunk by chunk as it is read. Call
     * {@link Content#finish()} after reading: it checks the last chunk was reached and that the
     * bytes read are the bytes that were verified (a file changed between the two reads is refused).
     */
    public static Content content(Verified v, SecretKey key) throws PackException {
        try {
            return new Content(v, key);
        } catch (IOException e) {
            throw io(v.file(), e);
        }
    }

    public static final class Content implements AutoCloseable {
        private final Verified v;
        private final FileChannel ch;
        private final Opener opener;
        private final InputStream plain;
        private final Inflater inflater = new Inflater(true);

        private Content(Verified v, SecretKey key) throws IOException {
            this.v = v;
            this.ch = FileChannel.open(v.file(), StandardOpenOption.READ);
            this.opener = new Opener(v, ch, key);
            this.plain = new InflaterInputStream(opener, inflater, 1 << 16);
        }

        public InputStream stream() {
            return plain;
        }

        /** Reads whatever is left, then checks completeness and that the file did not change since it was verified. */
        public void finish() throws PackException {
            try {
                byte[] skip = new byte[1 << 16];
                while (plain.read(skip) >= 0) { /* a valid page ends with the content */ }
                while (opener.read(skip) >= 0) { /* any chunk after the deflate stream */ }
                if (!opener.sawLast) throw tampered(v.file(), "its last chunk is missing");
                if (!MessageDigest.isEqual(opener.recheck(), v.digest())) {
                    throw tampered(v.file(), "it changed on disk while it was being read");
                }
            } catch (IOException e) {
                if (e.getCause() instanceof PackException pe) throw pe;
                throw io(v.file(), e);
            }
        }

        @Override
        public void close() {
            inflater.end();
            try {
                ch.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }

    /** Decrypts chunks in order; a chunk that fails its tag stops everything. Hashes every byte of the file again. */
    private static final class Opener extends InputStream {
        private final Verified v;
        private final FileChannel ch;
        private final SecretKey key;
        private final MessageDigest again;
        private final long chunkCipher;
        private long pos;
        private long index;
        private byte[] plain = new byte[0];
        private int at;
        boolean sawLast;

        Opener(Verified v, FileChannel ch, SecretKey key) throws IOException {
            this.v = v;
            this.ch = ch;
            this.key = key;
            this.chunkCipher = v.header().chunkSize() + (long) PackFormat.TAG;
            try {
                this.again = MessageDigest.getInstance("SHA-512");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            byte[] head = readFully(0, (int) v.contentStart());
            again.update(head);
            pos = v.contentStart();
        }

        private byte[] readFully(long from, int n) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n);
            while (b.hasRemaining()) {
                if (ch.read(b, from + b.position()) < 0) throw new IOException(new PackException(PackException.Problem.TAMPERED,
                        "Gói dữ liệu bị cắt ngắn.", "The pack " + v.file() + " was cut short while it was read"));
            }
            return b.array();
        }

        private boolean next() throws IOException {
            if (sawLast) return false;
            long left = v.contentEnd() - pos;
            if (left < PackFormat.TAG) throw new IOException(tampered(v.file(), "its last chunk is missing"));
            boolean last = left <= chunkCipher;
            int n = (int) (last ? left : chunkCipher);
            byte[] c = readFully(pos, n);
            again.update(c);
            try {
                plain = PackFormat.chunkCipher(Cipher.DECRYPT_MODE, key, v.headerDigest(), index, last).doFinal(c);
            } catch (AEADBadTagException e) {
                throw new IOException(tampered(v.file(), "chunk " + index + " fails its authentication"));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            at = 0;
            pos += n;
            index++;
            sawLast = last;
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (at == plain.length) if (!next()) return -1;
            int k = Math.min(len, plain.length - at);
            System.arraycopy(plain, at, b, off, k);
            at += k;
            return k;
        }

        byte[] recheck() throws IOException {
            again.update(readFully(v.contentEnd(), 0));
            return again.digest();
        }
    }

    static PackException tampered(Path file, String why) {
        return new PackException(PackException.Problem.TAMPERED,
                "Gói dữ liệu " + file.getFileName() + " đã bị sửa hoặc hỏng; không nhập. Dữ liệu trên máy giữ nguyên.",
                "The pack " + file + " was altered or damaged (" + why + "): import refused, nothing on this laptop changed");
    }

    static PackException io(Path file, IOException e) {
        if (e.getCause() instanceof PackException pe) return pe;
        return new PackException(PackException.Problem.IO, "Không đọc được " + file + ".", "Cannot read " + file + ": " + e.getMessage(), e);
    }
}
