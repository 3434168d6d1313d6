package dev.m6rec.plugins.similarity;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The reference: every measure straight from its definition, in double precision, over full
 * matrices. Slow (O(n²·m)) and independent of the production code paths.
 */
final class BruteForceSimilarity {
    private BruteForceSimilarity() {
    }

    /** All-pairs similarities of interaction vectors. */
    static double[][] interactions(Interactions train, Measure measure, boolean binary, double shrinkage, int minSupport) {
        int m = train.numUsers();
        int n = train.numItems();
        double[][] x = new double[m][n];
        boolean[][] present = new boolean[m][n];
        Integer[] rows = IntStream.range(0, train.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(rows, Comparator.comparingLong(train::timestamp));
        for (int row : rows) {
            int u = train.user(row);
            int i = train.item(row);
            present[u][i] = true;
            x[u][i] = binary || measure == Measure.JACCARD ? 1 : train.rating(row);
        }
        if (measure == Measure.ADJUSTED_COSINE) {
            for (int u = 0; u < m; u++) {
                double sum = 0;
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (present[u][i]) {
                        sum += x[u][i];
                        count++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (present[u][i]) {
                        x[u][i] -= sum / count;
                    }
                }
            }
        }
        if (measure == Measure.PEARSON) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                int count = 0;
                for (int u = 0; u < m; u++) {
                    if (present[u][i]) {
                        sum += x[u][i];
                        count++;
                    }
                }
                for (int u = 0; u < m; u++) {
                    if (present[u][i]) {
                        x[u][i] -= sum / count;
                    }
                }
            }
        }
        double[][] sims = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double sqI = 0;
                double sqJ = 0;
                double commonSqI = 0;
                double commonSqJ = 0;
                double distance = 0;
                int common = 0;
                int sizeI = 0;
                int sizeJ = 0;
                for (int u = 0; u < m; u++) {
                    sqI += x[u][i] * x[u][i];
                    sqJ += x[u][j] * x[u][j];
                    distance += (x[u][i] - x[u][j]) * (x[u][i] - x[u][j]);
                    sizeI += present[u][i] ? 1 : 0;
                    sizeJ += present[u][j] ? 1 : 0;
                    if (present[u][i] && present[u][j]) {
                        common++;
                        dot += x[u][i] * x[u][j];
                        commonSqI += x[u][i] * x[u][i];
                        commonSqJ += x[u][j] * x[u][j];
                    }
                }
                double s;
                if (common < minSupport) {
                    s = 0;
                } else {
                    s = switch (measure) {
                        case COSINE -> sqI * sqJ > 0 ? dot / Math.sqrt(sqI * sqJ) : 0;
                        case PEARSON, ADJUSTED_COSINE -> commonSqI * commonSqJ > 0 ? dot / Math.sqrt(commonSqI * commonSqJ) : 0;
                        case JACCARD -> common / (double) (sizeI + sizeJ - common);
                        case EUCLIDEAN -> sqI > 0 && sqJ > 0 ? 1 / (1 + Math.sqrt(distance)) : 0;
                    };
                    s *= shrinkage > 0 ? common / (common + shrinkage) : 1;
                }
                sims[i][j] = s;
            }
        }
        return sims;
    }

    /** All-pairs similarities of dense rows. */
    static double[][] dense(FeatureMatrix matrix, Measure measure) {
        int n = matrix.rows();
        int d = matrix.columns();
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = matrix.get(i, k);
                if (measure == Measure.JACCARD) {
                    x[i][k] = x[i][k] != 0 ? 1 : 0;
                }
            }
        }
        if (measure == Measure.PEARSON) {
            for (double[] row : x) {
                double mean = java.util.Arrays.stream(row).average().orElse(0);
                for (int k = 0; k < d; k++) {
                    row[k] -= mean;
                }
            }
        }
        if (measure == Measure.ADJUSTED_COSINE) {
            // Zero rows stay zero and out of the column means.
            List<double[]> nonZero = java.util.Arrays.stream(x)
                    .filter(row -> java.util.Arrays.stream(row).anyMatch(v -> v != 0)).toList();
            for (int k = 0; k < d; k++) {
                double mean = 0;
                for (double[] row : nonZero) {
                    mean += row[k] / nonZero.size();
                }
                for (double[] row : nonZero) {
                    row[k] -= mean;
                }
            }
        }
        double[][] sims = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double sqI = 0;
                double sqJ = 0;
                double distance = 0;
                for (int k = 0; k < d; k++) {
                    dot += x[i][k] * x[j][k];
                    sqI += x[i][k] * x[i][k];
                    sqJ += x[j][k] * x[j][k];
                    distance += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                }
                sims[i][j] = switch (measure) {
                    case JACCARD -> sqI + sqJ - dot > 0 ? dot / (sqI + sqJ - dot) : 0;
                    case EUCLIDEAN -> sqI > 0 && sqJ > 0 ? 1 / (1 + Math.sqrt(distance)) : 0;
                    default -> sqI * sqJ > 0 ? dot / Math.sqrt(sqI * sqJ) : 0;
                };
            }
        }
        return sims;
    }

    /** Item {@code i}'s reference neighbours: positive similarities, best first, ties to the lower index. */
    static List<Integer> top(double[][] sims, int i, int k) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < sims.length; j++) {
            if (j != i && sims[i][j] > 0) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparingDouble((Integer j) -> -sims[i][j]).thenComparingInt(j -> j));
        return out.subList(0, Math.min(k, out.size()));
    }
}
