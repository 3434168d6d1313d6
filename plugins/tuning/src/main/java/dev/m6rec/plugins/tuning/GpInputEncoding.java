package dev.m6rec.plugins.tuning;

import static java.util.Objects.requireNonNull;

/**
 * Turns coordinate rows into the Gaussian process's inputs, all in [0, 1]: a numeric parameter is
 * its unit coordinate (log kinds already in log space), a choice is one-hot over its values. An
 * inactive numeric parameter sits at 0.5 and an inactive choice is all zeros: trials that agree on
 * which branch they took then differ only where they differ, and trials on different branches
 * are already told apart by the parent's one-hot columns.
 */
final class GpInputEncoding {
    private final UnitSpace space;
    private final int[] offset;
    private final int width;

    GpInputEncoding(UnitSpace space) {
        this.space = requireNonNull(space, "space is null");
        offset = new int[space.size()];
        int at = 0;
        for (int i = 0; i < space.size(); i++) {
            offset[i] = at;
            at += space.isChoice(i) ? space.choiceCount(i) : 1;
        }
        width = at;
    }

    /** Columns of an encoded input. */
    int width() {
        return width;
    }

    /** Writes the input of {@code row} into {@code out} at {@code out[at .. at + width)}. */
    void encode(double[] row, double[] out, int at) {
        for (int i = 0; i < row.length; i++) {
            int o = at + offset[i];
            if (space.isChoice(i)) {
                int k = space.choiceCount(i);
                for (int c = 0; c < k; c++) {
                    out[o + c] = 0.0;
                }
                if (!Double.isNaN(row[i])) {
                    out[o + (int) Math.round(row[i])] = 1.0;
                }
            } else {
                out[o] = Double.isNaN(row[i]) ? 0.5 : row[i];
            }
        }
    }
}
