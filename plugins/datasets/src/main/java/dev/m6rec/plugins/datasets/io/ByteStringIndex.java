package dev.m6rec.plugins.datasets.io;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.IdIndex;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Dense indexes for ids read as raw bytes, in first-seen order: the id map of the loaders. Looking
 * up an id already seen allocates nothing; a new id's bytes are copied once into one growing
 * arena and decoded to a String only when the {@link IdIndex} is built. On a 20M-row ratings file
 * this is several times faster than a {@code HashMap<String, Integer>} fed one String per field
 * (see bench/datasets).
 *
 * <pre>{@code
 * ByteStringIndex users = new ByteStringIndex(StandardCharsets.UTF_8);
 * int u = users.add(buffer, start, length);   // 0 for the first id, the same index when seen again
 * IdIndex index = users.toIdIndex("user id");
 * }</pre>
 */
public final class ByteStringIndex {
    /** Ids up to this many bytes are also kept packed in the table: compared without the arena. */
    private static final int PACKED_BYTES = 7;
    private static final long NOT_PACKED = -1L;

    private final Charset charset;
    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    /** Key {@code k} is {@code arena[offsets[k], offsets[k + 1])}. */
    private int[] offsets = new int[257];
    private int[] hashes = new int[256];
    /**
     * Open addressing with linear probing, two longs per slot in one cache line: the key's hash
     * (high half) and index + 1 (low half; 0 when free), then the key's bytes packed with its
     * length for short keys. A lookup of a short id touches nothing else.
     */
    private long[] table = new long[2 * 512];
    private int size;
    /** The index returned last: ids often repeat on consecutive lines (a user's ratings). */
    private int last = -1;

    /** @param charset how the ids' bytes decode to text */
    public ByteStringIndex(Charset charset) {
        this.charset = requireNonNull(charset, "charset is null");
    }

    public int size() {
        return size;
    }

    /** The index of the id {@code bytes[start, start + length)}, assigning the next index when new. */
    public int add(byte[] bytes, int start, int length) {
        if (last >= 0 && equalsKey(last, bytes, start, length)) {
            return last;
        }
        long packed = pack(bytes, start, length);
        int hash = packed == NOT_PACKED ? hash(bytes, start, length) : mix(packed);
        int index = find(hash, packed, bytes, start, length);
        if (index < 0) {
            index = append(bytes, start, length, hash);
            insert(hash, packed, index);
        }
        last = index;
        return index;
    }

    /** The index of an id, or -1 when it was never added. */
    public int indexOf(byte[] bytes, int start, int length) {
        long packed = pack(bytes, start, length);
        return find(packed == NOT_PACKED ? hash(bytes, start, length) : mix(packed), packed, bytes, start, length);
    }

    /** {@link #add(byte[], int, int)} for an id already held as text (generated data, tests). */
    public int add(String id) {
        byte[] bytes = id.getBytes(charset);
        return add(bytes, 0, bytes.length);
    }

    /** The id of an index, decoded. */
    public String id(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return new String(arena, offsets[index], offsets[index + 1] - offsets[index], charset);
    }

    /**
     * The ids in index order. Fails when two ids differ as bytes but decode to the same text
     * (bytes that are invalid in the file's encoding).
     */
    public IdIndex toIdIndex(String what) {
        IdIndex.Builder builder = IdIndex.builder();
        for (int k = 0; k < size; k++) {
            String id = id(k);
            if (builder.add(id) != k) {
                throw new DataException(what + " '" + id + "' appears with different bytes that decode to the same text;"
                        + " check the file encoding");
            }
        }
        return builder.build();
    }

    private int find(int hash, long packed, byte[] bytes, int start, int length) {
        int mask = table.length / 2 - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = table[2 * slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                int index = (int) entry - 1;
                if (packed == NOT_PACKED ? equalsKey(index, bytes, start, length) : table[2 * slot + 1] == packed) {
                    return index;
                }
            }
        }
    }

    private void insert(int hash, long packed, int index) {
        if ((size + 1) * 2L > table.length / 2) {
            rehash();
        }
        put(table, hash, packed, index);
    }

    private static void put(long[] into, int hash, long packed, int index) {
        int mask = into.length / 2 - 1;
        int slot = hash & mask;
        while (into[2 * slot] != 0) {
            slot = (slot + 1) & mask;
        }
        into[2 * slot] = ((long) hash << 32) | (index + 1L);
        into[2 * slot + 1] = packed;
    }

    private void rehash() {
        long[] bigger = new long[table.length * 2];
        for (int k = 0; k < size; k++) {
            put(bigger, hashes[k], pack(arena, offsets[k], offsets[k + 1] - offsets[k]), k);
        }
        table = bigger;
    }

    private int append(byte[] bytes, int start, int length, int hash) {
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        System.arraycopy(bytes, start, arena, arenaSize, length);
        if (size + 1 == hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            offsets = Arrays.copyOf(offsets, hashes.length + 1);
        }
        offsets[size] = arenaSize;
        arenaSize += length;
        offsets[size + 1] = arenaSize;
        hashes[size] = hash;
        return size++;
    }

    private boolean equalsKey(int key, byte[] bytes, int start, int length) {
        int from = offsets[key];
        if (offsets[key + 1] - from != length) {
            return false;
        }
        // ids are short: a plain loop beats the vectorised mismatch call
        for (int k = 0; k < length; k++) {
            if (arena[from + k] != bytes[start + k]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes and the length in one long (top byte: length <= 7), or {@link #NOT_PACKED}. */
    private static long pack(byte[] bytes, int start, int length) {
        if (length > PACKED_BYTES) {
            return NOT_PACKED;
        }
        long word = 0;
        for (int k = 0; k < length; k++) {
            word = (word << 8) | (bytes[start + k] & 0xFF);
        }
        return word | ((long) length << 56);
    }

    private static int mix(long packed) {
        long h = packed * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static int hash(byte[] bytes, int start, int length) {
        int h = 0;
        for (int p = start, end = start + length; p < end; p++) {
            h = 31 * h + bytes[p];
        }
        // spread the bits: ids that are consecutive numbers differ only in their last bytes
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
