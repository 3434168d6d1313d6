package dev.m6rec.plugins.dl4j.stack;

/**
 * One training user's candidates with their labels.
 *
 * @param rows     the ranker's input rows (see {@link CandidateFeatures})
 * @param count    candidates
 * @param target   1 / (relevant candidates) for each held-out candidate, 0 otherwise
 * @param relevant held-out items of the user, recalled or not (the ideal list's length)
 */
record CandidateList(float[] rows, int count, float[] target, int relevant) {
}
