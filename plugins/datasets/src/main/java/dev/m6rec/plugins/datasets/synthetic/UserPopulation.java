package dev.m6rec.plugins.datasets.synthetic;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The generated users. Attributes come first (gender, age, an occupation that depends on age,
 * country); each attribute value carries a planted taste offset per category, so a user's
 * category preference is partly predictable from attributes alone (cold start): with
 * {@code attribute-signal} s, preference logits are {@code focus * (sqrt(s) * attributeTaste +
 * sqrt(1 - s) * individualNoise)}, softmaxed. A latent vector (individual, leaning towards the
 * preferred categories' centres) drives the choice among items of a category; a rating bias and
 * an activity level (log-normal around the configured mean) complete the user.
 */
final class UserPopulation {
    static final List<String> GENDERS = List.of("F", "M");
    static final List<String> OCCUPATIONS = List.of("student", "retired", "engineer", "artist", "doctor", "teacher",
            "writer", "sales", "scientist", "homemaker", "lawyer", "technician");
    static final List<String> COUNTRIES = List.of("US", "GB", "DE", "FR", "JP", "BR", "IN", "CA");
    private static final double[] COUNTRY_SHARES = {0.34, 0.12, 0.11, 0.1, 0.1, 0.09, 0.08, 0.06};
    private static final double COUNTRY_WEIGHT = 0.6;
    private static final double ACTIVITY_SPREAD = 0.5;

    final int size;
    final int categories;
    final int dims;
    /** Row-major {@code size x categories}: preference logits (already scaled by the focus). */
    final float[] logits;
    /** Row-major {@code size x categories}: cumulative preference, for sampling a category. */
    final double[] cumulativePreference;
    /** Row-major {@code size x dims}. */
    final float[] latent;
    final float[] ratingBias;
    final int[] activity;
    private final float[] ages;
    private final String[] genders;
    private final String[] occupations;
    private final String[] countries;

    UserPopulation(SyntheticSettings settings, ItemCatalogue items, RandomGenerator random) {
        size = settings.users();
        categories = settings.categories();
        dims = settings.latentDims();
        float[][] genderTaste = gaussian(GENDERS.size(), categories, random);
        float[][] occupationTaste = gaussian(OCCUPATIONS.size(), categories, random);
        float[][] countryTaste = gaussian(COUNTRIES.size(), categories, random);
        float[] ageTaste = gaussian(1, categories, random)[0];
        double attributeScale = Math.sqrt(settings.attributeSignal() / (3 + COUNTRY_WEIGHT * COUNTRY_WEIGHT));
        double noiseScale = Math.sqrt(1 - settings.attributeSignal());

        logits = new float[size * categories];
        cumulativePreference = new double[size * categories];
        latent = new float[size * dims];
        ratingBias = new float[size];
        activity = new int[size];
        ages = new float[size];
        genders = new String[size];
        occupations = new String[size];
        countries = new String[size];
        double[] preference = new double[categories];
        for (int u = 0; u < size; u++) {
            int gender = random.nextInt(GENDERS.size());
            int age = (int) Math.max(16, Math.min(75, Math.round(34 + 12 * random.nextGaussian())));
            int occupation = occupation(age, random);
            int country = pick(COUNTRY_SHARES, random);
            genders[u] = GENDERS.get(gender);
            ages[u] = age;
            occupations[u] = OCCUPATIONS.get(occupation);
            countries[u] = COUNTRIES.get(country);

            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < categories; c++) {
                double attributeTaste = genderTaste[gender][c] + occupationTaste[occupation][c]
                        + COUNTRY_WEIGHT * countryTaste[country][c] + ageTaste[c] * (age - 40) / 15.0;
                double logit = settings.tasteFocus()
                        * (attributeScale * attributeTaste + noiseScale * random.nextGaussian());
                logits[u * categories + c] = (float) logit;
                max = Math.max(max, logit);
            }
            double sum = 0;
            for (int c = 0; c < categories; c++) {
                preference[c] = Math.exp(logits[u * categories + c] - max);
                sum += preference[c];
            }
            double cumulative = 0;
            for (int c = 0; c < categories; c++) {
                preference[c] /= sum;
                cumulative += preference[c];
                cumulativePreference[u * categories + c] = cumulative;
            }
            for (int k = 0; k < dims; k++) {
                double lean = 0;
                for (int c = 0; c < categories; c++) {
                    lean += preference[c] * items.centres[c][k];
                }
                latent[u * dims + k] = (float) (random.nextGaussian() + 0.5 * lean);
            }
            ratingBias[u] = (float) (0.3 * random.nextGaussian());
            double drawn = settings.interactionsPerUser()
                    * Math.exp(ACTIVITY_SPREAD * random.nextGaussian() - ACTIVITY_SPREAD * ACTIVITY_SPREAD / 2);
            activity[u] = (int) Math.min(settings.items(),
                    Math.max(settings.minInteractionsPerUser(), Math.round(drawn)));
        }
    }

    /** A category drawn from user {@code u}'s preference. */
    int sampleCategory(int u, RandomGenerator random) {
        double target = random.nextDouble();
        int base = u * categories;
        for (int c = 0; c < categories - 1; c++) {
            if (target < cumulativePreference[base + c]) {
                return c;
            }
        }
        return categories - 1;
    }

    float[] latentOf(int u, float[] into) {
        System.arraycopy(latent, u * dims, into, 0, dims);
        return into;
    }

    AttributeTable table() {
        return new AttributeTable(size, List.of(
                new AttributeColumn.Numeric("age", ages.clone()),
                new AttributeColumn.Categorical("gender", genders.clone()),
                new AttributeColumn.Categorical("occupation", occupations.clone()),
                new AttributeColumn.Categorical("country", countries.clone())));
    }

    /** Students are young and the retired old; other occupations are spread evenly. */
    private static int occupation(int age, RandomGenerator random) {
        if (age <= 22 && random.nextDouble() < 0.7) {
            return 0;
        }
        if (age >= 63 && random.nextDouble() < 0.75) {
            return 1;
        }
        return 2 + random.nextInt(OCCUPATIONS.size() - 2);
    }

    private static int pick(double[] shares, RandomGenerator random) {
        double target = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < shares.length - 1; k++) {
            cumulative += shares[k];
            if (target < cumulative) {
                return k;
            }
        }
        return shares.length - 1;
    }

    private static float[][] gaussian(int rows, int columns, RandomGenerator random) {
        float[][] out = new float[rows][columns];
        for (float[] row : out) {
            for (int k = 0; k < columns; k++) {
                row[k] = (float) random.nextGaussian();
            }
        }
        return out;
    }
}
