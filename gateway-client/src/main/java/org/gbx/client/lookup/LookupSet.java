package org.gbx.client.lookup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A holder's prepared set under one key epoch: entries of {@value EntrySeal#ENTRY_BYTES} bytes
 * (tag, sealed reference data) sorted by tag, so an asker finds an entry by binary search. Its
 * size tells how many identifiers the holder has, nothing about which.
 *
 * <p>File: {@code GBXLSET1}, epoch (4 bytes), entry count (4 bytes), the entries; the ledger holds
 * the SHA-256 of these bytes ({@link #digest()}).
 */
public final class LookupSet {

    private static final byte[] MAGIC = "GBXLSET1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** At most this many entries (2.4 GB); the ledger refuses larger sizes anyway. */
    public static final int MAX_ENTRIES = 100_000_000;

    private final int epoch;
    private final long[] tags;
    private final byte[] sealed;

    private LookupSet(int epoch, long[] tags, byte[] sealed) {
        this.epoch = epoch;
        this.tags = tags;
        this.sealed = sealed;
    }

    /** Sorts entries given in any order (parallel arrays: tags[i] and sealed[16i…16i+15]). */
    static LookupSet sorted(int epoch, long[] tags, byte[] sealed) {
        Integer[] order = new Integer[tags.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.parallelSort(order, (a, b) -> Long.compareUnsigned(tags[a], tags[b]));
        long[] sortedTags = new long[tags.length];
        byte[] sortedSealed = new byte[sealed.length];
        for (int i = 0; i < order.length; i++) {
            sortedTags[i] = tags[order[i]];
            System.arraycopy(sealed, order[i] * EntrySeal.SEALED_BYTES, sortedSealed, i * EntrySeal.SEALED_BYTES,
                    EntrySeal.SEALED_BYTES);
        }
        return new LookupSet(epoch, sortedTags, sortedSealed);
    }

    public int epoch() {
        return epoch;
    }

    public int size() {
        return tags.length;
    }

    /** The reference data of the identifier whose PRF output is {@code prfOutput}, if it is in the set. */
    public Optional<ReferenceData> find(byte[] prfOutput) {
        EntrySeal seal = EntrySeal.of(prfOutput);
        int low = 0;
        int high = tags.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(tags[mid], seal.tag()) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        // Tags of 64 bits may still collide; the entry that opens is the one.
        for (int i = low; i < tags.length && tags[i] == seal.tag(); i++) {
            Optional<ReferenceData> data = seal.open(sealed, i * EntrySeal.SEALED_BYTES);
            if (data.isPresent()) {
                return data;
            }
        }
        return Optional.empty();
    }

    /** Bytes of the file: header and entries. */
    public long byteSize() {
        return MAGIC.length + 8L + (long) tags.length * EntrySeal.ENTRY_BYTES;
    }

    /** Writes the set and returns the hex SHA-256 of what was written. */
    public String write(OutputStream out) throws IOException {
        MessageDigest sha256 = sha256();
        DataOutputStream data = new DataOutputStream(new DigestOutputStream(out, sha256));
        data.write(MAGIC);
        data.writeInt(epoch);
        data.writeInt(tags.length);
        ByteBuffer entry = ByteBuffer.allocate(EntrySeal.ENTRY_BYTES);
        for (int i = 0; i < tags.length; i++) {
            entry.clear();
            entry.putLong(tags[i]).put(sealed, i * EntrySeal.SEALED_BYTES, EntrySeal.SEALED_BYTES);
            data.write(entry.array());
        }
        data.flush();
        return HexFormat.of().formatHex(sha256.digest());
    }

    public String digest() {
        try {
            return write(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException("writing to nowhere cannot fail", e);
        }
    }

    /**
     * Reads a set, refusing anything not sorted or not of the stated length.
     *
     * @throws IOException when the bytes are not a set
     */
    public static LookupSet read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = data.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a gbx lookup set");
        }
        int epoch = data.readInt();
        int count = data.readInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("a lookup set of " + count + " entries is out of range");
        }
        long length = (long) count * EntrySeal.ENTRY_BYTES;
        ByteBuffer entries = ByteBuffer.wrap(data.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8)));
        if (entries.capacity() != length || data.read() != -1) {
            throw new IOException("the lookup set does not have the " + count + " entries it states");
        }
        long[] tags = new long[count];
        byte[] sealed = new byte[count * EntrySeal.SEALED_BYTES];
        for (int i = 0; i < count; i++) {
            tags[i] = entries.getLong();
            entries.get(sealed, i * EntrySeal.SEALED_BYTES, EntrySeal.SEALED_BYTES);
            if (i > 0 && Long.compareUnsigned(tags[i - 1], tags[i]) > 0) {
                throw new IOException("the entries of the lookup set are not sorted");
            }
        }
        return new LookupSet(epoch, tags, sealed);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
