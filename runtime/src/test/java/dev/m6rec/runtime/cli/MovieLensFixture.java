package dev.m6rec.runtime.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a small folder in the MovieLens-100K layout (u.data, u.user, u.item, u.genre) with
 * planted structure: users belong to taste groups, each group prefers the items of two genres,
 * and items have a popularity skew. No real MovieLens data is used or redistributed.
 */
final class MovieLensFixture {
    private static final String[] GENRES = {"unknown", "Action", "Adventure", "Animation", "Children's", "Comedy",
        "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
        "Thriller", "War", "Western"};
    private static final String[] OCCUPATIONS = {"student", "engineer", "writer", "artist", "doctor"};

    private MovieLensFixture() {
    }

    static Path write(Path dir, int users, int items, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(seed);
        int groups = 6;
        int[] itemGenre = new int[items];
        double[] popularity = new double[items];
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < items; i++) {
            itemGenre[i] = 1 + random.nextInt(GENRES.length - 1);
            popularity[i] = 1.0 / Math.pow(i + 1, 0.6);
            StringBuilder flags = new StringBuilder();
            for (int g = 0; g < GENRES.length; g++) {
                flags.append('|').append(g == itemGenre[i] ? 1 : 0);
            }
            item.append(i + 1).append("|Film ").append(i + 1).append(" (199").append(i % 10).append(")|01-Jan-199")
                    .append(i % 10).append("||http://example.invalid/").append(i + 1).append(flags).append('\n');
        }
        StringBuilder user = new StringBuilder();
        StringBuilder data = new StringBuilder();
        long time = 874_724_710L;
        for (int u = 0; u < users; u++) {
            int group = u % groups;
            int liked1 = 1 + (group * 3) % (GENRES.length - 1);
            int liked2 = 1 + (group * 3 + 1) % (GENRES.length - 1);
            user.append(u + 1).append('|').append(18 + random.nextInt(50)).append('|').append(group % 2 == 0 ? 'F' : 'M')
                    .append('|').append(OCCUPATIONS[group % OCCUPATIONS.length]).append('|').append(10000 + u).append('\n');
            int count = 15 + random.nextInt(25);
            boolean[] seen = new boolean[items];
            for (int n = 0; n < count; n++) {
                int chosen = -1;
                for (int attempt = 0; attempt < 200 && chosen < 0; attempt++) {
                    int i = random.nextInt(items);
                    boolean liked = itemGenre[i] == liked1 || itemGenre[i] == liked2;
                    double p = popularity[i] * (liked ? 1.0 : 0.08);
                    if (!seen[i] && random.nextDouble() < p * 3) {
                        chosen = i;
                    }
                }
                if (chosen < 0) {
                    continue;
                }
                seen[chosen] = true;
                boolean liked = itemGenre[chosen] == liked1 || itemGenre[chosen] == liked2;
                int rating = liked ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                data.append(u + 1).append('\t').append(chosen + 1).append('\t').append(rating).append('\t')
                        .append(time += 1 + random.nextInt(500)).append('\n');
            }
        }
        StringBuilder genre = new StringBuilder();
        for (int g = 0; g < GENRES.length; g++) {
            genre.append(GENRES[g]).append('|').append(g).append('\n');
        }
        Files.writeString(dir.resolve("u.data"), data, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.user"), user, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.item"), item, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("u.genre"), genre, StandardCharsets.ISO_8859_1);
        return dir;
    }
}
