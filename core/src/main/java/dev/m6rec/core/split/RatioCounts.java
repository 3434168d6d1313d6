package dev.m6rec.core.split;

/**
 * How many of {@code n} interactions the {@code ratio} split gives to train, valid and test: the
 * shares rounded so that 2 interactions keep one for training and one for test, and 3 can spare one
 * for validation. Shared by the single-machine splitter and the Spark one, so both cut alike.
 *
 * @param train the first {@code train} rows of the ordered list
 * @param valid the next {@code valid}
 * @param test  the last {@code test}
 */
public record RatioCounts(int train, int valid, int test) {
    /** The counts for {@code n} rows at shares {@code trainShare} and {@code validShare} (test takes the rest). */
    public static RatioCounts of(int n, double trainShare, double validShare) {
        int nTest = n < 2 ? 0 : Math.max(1, (int) Math.round(n * (1 - trainShare - validShare)));
        int nValid = n < 3 ? 0 : (int) Math.round(n * validShare);
        if (nTest + nValid >= n) {
            nValid = Math.max(0, n - nTest - 1);
        }
        return new RatioCounts(n - nTest - nValid, nValid, nTest);
    }

    /** The part (0 train, 1 valid, 2 test) of the row at position {@code k} of the ordered list. */
    public byte part(int k) {
        return (byte) (k < train ? 0 : k < train + valid ? 1 : 2);
    }
}
