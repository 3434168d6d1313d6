package dev.m6rec.plugins.datasets.movielens;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.m6rec.plugins.datasets.TextFiles;
import java.nio.file.Path;

/** Small MovieLens folders in each layout, written as the real files are. */
final class MovieLensFixtures {
    private MovieLensFixtures() {
    }

    /** ml-100k with a custom 3-genre u.genre, a cold user and cold items. */
    static Path hundredK(Path dir) {
        TextFiles.write(dir, "u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n"
                + "196\t377\t4\t881251000\n", ISO_8859_1);
        TextFiles.write(dir, "u.user", "22|25|M|writer|40206\n186|39|F|executive|00000\n196|49|M|writer|55105\n"
                + "900|30|F|artist|T8H1N\n", ISO_8859_1);
        TextFiles.write(dir, "u.genre", "unknown|0\nAction|1\nComedy|2\n\n", ISO_8859_1);
        TextFiles.write(dir, "u.item", "242|Kolya (1996)|24-Jan-1997||http://us.imdb.com/M/title-exact?Kolya%20(1996)|0|0|1\n"
                + "302|Les Mis\u00e9rables (1995)|01-Jan-1997||http://us.imdb.com/x|0|1|1\n"
                + "377|Heavyweights|01-Jan-1994||http://us.imdb.com/y|0|0|0\n"
                + "267|unknown||||1|0|0\n", ISO_8859_1);
        return dir;
    }

    /** ml-1m: 3 ratings, a cold user and a cold movie. */
    static Path oneM(Path dir) {
        TextFiles.write(dir, "ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n",
                ISO_8859_1);
        TextFiles.write(dir, "users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n3::M::25::15::55117\n", ISO_8859_1);
        TextFiles.write(dir, "movies.dat", "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
                + "661::James and the Giant Peach (1996)::Animation|Children's|Musical\n"
                + "1::Toy Story (1995)::Animation|Children's|Comedy\n", ISO_8859_1);
        return dir;
    }

    /** The CSV layout with quoted titles, a movie without genres and tags (one on a movie nobody rated). */
    static Path csv(Path dir) {
        TextFiles.write(dir, "ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.5,964981247\n"
                + "6,1,0.5,845553522\n");
        TextFiles.write(dir, "movies.csv", "movieId,title,genres\n"
                + "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n"
                + "3,\"American President, The (1995)\",Comedy|Drama|Romance\n"
                + "5,Babylon 5 (1994-1998),(no genres listed)\n");
        TextFiles.write(dir, "tags.csv", "userId,movieId,tag,timestamp\n2,1,Pixar,1445714994\n2,1,pixar ,1445714996\n"
                + "7,3,\"politics, satire\",1445714995\n7,9,fun,1445714997\n");
        return dir;
    }
}
