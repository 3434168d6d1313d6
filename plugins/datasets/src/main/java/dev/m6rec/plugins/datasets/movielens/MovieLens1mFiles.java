package dev.m6rec.plugins.datasets.movielens;


import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.AttributeFileReader;
import dev.m6rec.plugins.datasets.io.ByteStringIndex;
import dev.m6rec.plugins.datasets.io.DatasetAssembler;
import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.InteractionColumns;
import dev.m6rec.plugins.datasets.io.InteractionFileReader;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * ml-1m: {@code ratings.dat} (UserID::MovieID::Rating::Timestamp) and, when present,
 * {@code users.dat} (UserID::Gender::Age::Occupation::Zip-code) and {@code movies.dat}
 * (MovieID::Title::Genres with {@code |}). Latin-1. Users: {@code gender}, {@code age} (the age
 * group's lower bound, as the file codes it), {@code occupation} (the code's name from the
 * dataset's README, e.g. {@code programmer}), {@code zip}. Items: {@code title}, {@code year}
 * (from the title), {@code genres}.
 */
final class MovieLens1mFiles implements MovieLensFiles {

    @Override
    public Dataset read(Path folder, String name, OnError onError, boolean readTags, Charset charset,
                        ProgressTask ratings) {
        DatasetAssembler data = new DatasetAssembler(new ByteStringIndex(charset), new ByteStringIndex(charset),
                new InteractionColumns(true, true));
        try (RecordReader reader = open(folder.resolve("ratings.dat"), onError, charset).reportTo(ratings)) {
            InteractionFileReader.exactly(4, 0, 1, 2, 3).read(reader, false, data.users(), data.items(), data.rows());
            data.finished(reader);
        }
        data.interactionsDone();
        Path users = folder.resolve("users.dat");
        if (Files.exists(users)) {
            List<FieldBinding> bindings = List.of(
                    data.userColumn(new AttributeColumnBuilder.Categorical("gender")).bind(1),
                    data.userColumn(new AttributeColumnBuilder.Numeric("age")).bind(2),
                    new OccupationCodes.Binding(3, data.userColumn(new AttributeColumnBuilder.Categorical("occupation"))),
                    data.userColumn(new AttributeColumnBuilder.Categorical("zip")).bind(4));
            try (RecordReader reader = open(users, onError, charset)) {
                new AttributeFileReader("user", 0, 5, true, bindings).read(reader, false, data.users());
                data.finished(reader);
            }
        }
        Path movies = folder.resolve("movies.dat");
        if (Files.exists(movies)) {
            List<FieldBinding> bindings = List.of(
                    new TitleBinding(1, data.itemColumn(new AttributeColumnBuilder.Text("title")),
                            data.itemColumn(new AttributeColumnBuilder.Numeric("year"))),
                    new GenresBinding(2, data.itemColumn(new AttributeColumnBuilder.Tags("genres"))));
            try (RecordReader reader = open(movies, onError, charset)) {
                new AttributeFileReader("item", 0, 3, true, bindings).read(reader, false, data.items());
                data.finished(reader);
            }
        }
        return data.assemble(name);
    }

    private static RecordReader open(Path file, OnError onError, Charset charset) {
        return RecordReader.open(file, Delimiter.DOUBLE_COLON, false, charset, onError);
    }
}
