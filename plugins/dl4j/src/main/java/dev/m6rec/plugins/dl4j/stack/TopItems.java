package dev.m6rec.plugins.dl4j.stack;

/** Partial top-n selection over a score row with a bounded min-heap: O(items log n), no sort of the row. */
final class TopItems {
    private TopItems() {
    }

    /**
     * Marks in {@code chosen} the {@code n} highest-scoring items not {@code excluded}; ties go to
     * the lower index, so the choice is deterministic.
     */
    static void mark(float[] scores, boolean[] excluded, int n, boolean[] chosen) {
        int[] heap = new int[Math.min(n, scores.length)];
        int size = 0;
        for (int item = 0; item < scores.length; item++) {
            if (excluded[item]) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = item;
                siftUp(heap, size++, scores);
            } else if (size > 0 && better(item, heap[0], scores)) {
                heap[0] = item;
                siftDown(heap, size, scores);
            }
        }
        for (int k = 0; k < size; k++) {
            chosen[heap[k]] = true;
        }
    }

    private static boolean better(int a, int b, float[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int at, float[] scores) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!better(heap[parent], heap[at], scores)) {
                break;
            }
            int swap = heap[parent];
            heap[parent] = heap[at];
            heap[at] = swap;
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] scores) {
        int at = 0;
        while (true) {
            int worst = at;
            int left = 2 * at + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores)) {
                worst = right;
            }
            if (worst == at) {
                return;
            }
            int swap = heap[worst];
            heap[worst] = heap[at];
            heap[at] = swap;
            at = worst;
        }
    }
}
