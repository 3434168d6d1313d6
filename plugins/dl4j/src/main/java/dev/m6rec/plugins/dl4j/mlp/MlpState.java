package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.plugins.dl4j.train.TrainedFlags;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What a fitted {@code mlp} needs besides its parameters: the network shape, the seed the
 * configuration was built with, the rating scale and which users and items had training
 * interactions (the others score through the cold-start row). Written as a small properties
 * file plus two index arrays.
 */
record MlpState(MlpShape shape, long seed, RatingScale scale, boolean[] trainedUsers, boolean[] trainedItems) {
    static final String FILE = "mlp.properties";
    private static final int FORMAT = 1;

    void write(ArtifactWriter out) {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("num-users", Integer.toString(shape.numUsers()));
        p.setProperty("num-items", Integer.toString(shape.numItems()));
        p.setProperty("user-features", Integer.toString(shape.userFeatures()));
        p.setProperty("item-features", Integer.toString(shape.itemFeatures()));
        p.setProperty("click-head", Boolean.toString(shape.clickHead()));
        p.setProperty("rating-head", Boolean.toString(shape.ratingHead()));
        p.setProperty("neighbourhood", Boolean.toString(shape.neighbourhood()));
        p.setProperty("cold-head", Boolean.toString(shape.coldHead()));
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("rating-mean", Float.toString(scale.mean()));
        p.setProperty("rating-min", Float.toString(scale.min()));
        p.setProperty("rating-max", Float.toString(scale.max()));
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store writes a date comment first; drop it so equal models give equal files.
        String body = text.toString().replaceFirst("^#[^\n]*\n", "");
        out.writeText(FILE, body);
        TrainedFlags.write(out, "trained-users.i32", trainedUsers);
        TrainedFlags.write(out, "trained-items.i32", trainedItems);
    }

    static MlpState read(ArtifactReader in, ModelInputs inputs) {
        String where = in.location() + "/" + FILE;
        Properties p = new Properties();
        try {
            p.load(new StringReader(in.readText(FILE)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException(where + ": unreadable (" + e.getMessage() + ")", e);
        }
        int format = integer(p, "format", where);
        if (format != FORMAT) {
            throw new ArtifactException(where + ": format " + format + " is not supported (expected " + FORMAT + ")");
        }
        MlpShape shape;
        try {
            shape = new MlpShape(integer(p, "num-users", where), integer(p, "num-items", where),
                    integer(p, "user-features", where), integer(p, "item-features", where),
                    bool(p, "click-head", where), bool(p, "rating-head", where),
                    p.containsKey("neighbourhood") && bool(p, "neighbourhood", where),
                    p.containsKey("cold-head") && bool(p, "cold-head", where));
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(where + ": " + e.getMessage(), e);
        }
        check(where, "users", shape.numUsers(), inputs.numUsers());
        check(where, "items", shape.numItems(), inputs.numItems());
        check(where, "user feature columns", shape.userFeatures(), inputs.userFeatures().columns());
        check(where, "item feature columns", shape.itemFeatures(), inputs.itemFeatures().columns());
        RatingScale scale = new RatingScale(number(p, "rating-mean", where), number(p, "rating-min", where),
                number(p, "rating-max", where));
        long seed;
        try {
            seed = Long.parseLong(required(p, "seed", where));
        } catch (NumberFormatException e) {
            throw new ArtifactException(where + ": seed is not a number", e);
        }
        return new MlpState(shape, seed, scale,
                TrainedFlags.read(in, "trained-users.i32", shape.numUsers()),
                TrainedFlags.read(in, "trained-items.i32", shape.numItems()));
    }

    private static void check(String where, String what, int stored, int actual) {
        if (stored != actual) {
            throw new ArtifactException(where + ": trained with " + stored + " " + what + ", the inputs have " + actual);
        }
    }

    private static String required(Properties p, String key, String where) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new ArtifactException(where + ": missing '" + key + "'");
        }
        return value.trim();
    }

    private static int integer(Properties p, String key, String where) {
        try {
            return Integer.parseInt(required(p, key, where));
        } catch (NumberFormatException e) {
            throw new ArtifactException(where + ": '" + key + "' is not an integer", e);
        }
    }

    private static float number(Properties p, String key, String where) {
        try {
            float v = Float.parseFloat(required(p, key, where));
            if (!Float.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ArtifactException(where + ": '" + key + "' is not a finite number", e);
        }
    }

    private static boolean bool(Properties p, String key, String where) {
        String value = required(p, key, where);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ArtifactException(where + ": '" + key + "' must be true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
