package dev.m6rec.plugins.datasets.movielens;


import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.AttributeFileReader;
import dev.m6rec.plugins.datasets.io.ByteStringIndex;
import dev.m6rec.plugins.datasets.io.DatasetAssembler;
import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.HeaderColumns;
import dev.m6rec.plugins.datasets.io.InteractionColumns;
import dev.m6rec.plugins.datasets.io.InteractionFileReader;
import dev.m6rec.plugins.datasets.io.MalformedRecordException;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * ml-latest, ml-20m, ml-25m: {@code ratings.csv} (userId,movieId,rating,timestamp) and, when
 * present, {@code movies.csv} (movieId,title,genres) and {@code tags.csv}
 * (userId,movieId,tag,timestamp). UTF-8 with RFC-4180 quoting and a header line; columns are found
 * by name. Items: {@code title}, {@code year} (from the title), {@code genres} and, from
 * {@code tags.csv}, {@code tags}: each movie's distinct tags, lower-cased (users type the same tag
 * in different cases). The CSV layout has no user attributes.
 */
final class MovieLensCsvFiles implements MovieLensFiles {

    @Override
    public Dataset read(Path folder, String name, OnError onError, boolean readTags, Charset charset,
                        ProgressTask ratings) {
        DatasetAssembler data = new DatasetAssembler(new ByteStringIndex(charset), new ByteStringIndex(charset),
                new InteractionColumns(true, true));
        try (RecordReader reader = open(folder.resolve("ratings.csv"), onError, charset).reportTo(ratings)) {
            HeaderColumns header = HeaderColumns.read(reader);
            InteractionFileReader.exactly(header.size(), header.require("userId"), header.require("movieId"),
                            header.require("rating"), header.require("timestamp"))
                    .read(reader, true, data.users(), data.items(), data.rows());
            data.finished(reader);
        }
        data.interactionsDone();
        Path movies = folder.resolve("movies.csv");
        if (Files.exists(movies)) {
            try (RecordReader reader = open(movies, onError, charset)) {
                HeaderColumns header = HeaderColumns.read(reader);
                List<FieldBinding> bindings = List.of(
                        new TitleBinding(header.require("title"), data.itemColumn(new AttributeColumnBuilder.Text("title")),
                                data.itemColumn(new AttributeColumnBuilder.Numeric("year"))),
                        new GenresBinding(header.require("genres"),
                                data.itemColumn(new AttributeColumnBuilder.Tags("genres"))));
                new AttributeFileReader("item", header.require("movieId"), header.size(), true, bindings)
                        .read(reader, true, data.items());
                data.finished(reader);
            }
        }
        Path tags = folder.resolve("tags.csv");
        if (readTags && Files.exists(tags)) {
            readTags(tags, onError, charset, data);
        }
        return data.assemble(name);
    }

    private static void readTags(Path file, OnError onError, Charset charset, DatasetAssembler data) {
        ItemTagCollector collector = new ItemTagCollector();
        try (RecordReader reader = open(file, onError, charset)) {
            HeaderColumns header = HeaderColumns.read(reader);
            int movie = header.require("movieId");
            int tag = header.require("tag");
            int rows = 0;
            while (reader.next()) {
                try {
                    reader.expectFields(header.size());
                    String text = reader.text(tag).strip().toLowerCase(Locale.ROOT);
                    int item = reader.addId(data.items(), movie, "item id");
                    if (!text.isEmpty()) {
                        collector.add(item, text);
                    }
                    rows++;
                } catch (MalformedRecordException e) {
                    reader.reject(e);
                }
            }
            if (rows == 0) {
                throw InteractionFileReader.noRows(reader, true);
            }
            data.finished(reader);
        }
        collector.into(data.itemColumn(new AttributeColumnBuilder.Tags("tags")));
    }

    private static RecordReader open(Path file, OnError onError, Charset charset) {
        return RecordReader.open(file, Delimiter.COMMA, true, charset, onError);
    }
}
