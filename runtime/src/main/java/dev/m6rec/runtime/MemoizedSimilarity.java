package dev.m6rec.runtime;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A served similarity model with a memo of pair similarities. Diversity re-ranking asks for the
 * similarity of the same popular pairs request after request, and a model may compute each one
 * from sparse vectors (microseconds apiece); the memo answers repeats from memory.
 *
 * <p>Exact and lock-free: a direct-mapped table indexed by the low bits of the ordered pair key
 * {@code a * items + b}, each slot one long holding the rest of the key and the float's bits, so a
 * slot is read and written atomically and a hit is always the pair asked for. A colliding pair
 * simply replaces the slot. Everything but {@link #similarity} goes to the model.
 */
final class MemoizedSimilarity implements SimilarityModel {
    private static final int MAX_BITS = 20; // 2^20 slots, 8 MiB
    private final SimilarityModel model;
    private final long items;
    private final int bits;
    private final AtomicLongArray slots;

    MemoizedSimilarity(SimilarityModel model, int items) {
        this.model = model;
        this.items = items;
        long pairs = Math.max(1L, (long) items * items);
        this.bits = Math.min(MAX_BITS, 64 - Long.numberOfLeadingZeros(pairs - 1));
        this.slots = new AtomicLongArray(1 << bits);
    }

    /** Whether the memo can key every pair of {@code items} (the tag must fit in 32 bits); else serve the model as is. */
    static boolean fits(int items) {
        return (long) items * items >>> MAX_BITS < 0xffff_ffffL;
    }

    @Override
    public float similarity(int a, int b) {
        long key = a * items + b;
        int slot = (int) (key & ((1 << bits) - 1));
        long tag = (key >>> bits) + 1; // 0 marks an empty slot
        long entry = slots.getAcquire(slot);
        if (entry >>> 32 == tag) {
            return Float.intBitsToFloat((int) entry);
        }
        float value = model.similarity(a, b);
        slots.setRelease(slot, tag << 32 | (Float.floatToRawIntBits(value) & 0xffff_ffffL));
        return value;
    }

    @Override
    public ScoredItems neighbours(int item, int k) {
        return model.neighbours(item, k);
    }

    @Override
    public void fit(SimilarityInput input) {
        model.fit(input);
    }

    @Override
    public void save(ArtifactWriter out) {
        model.save(out);
    }

    @Override
    public void load(ArtifactReader in) {
        model.load(in);
    }
}
