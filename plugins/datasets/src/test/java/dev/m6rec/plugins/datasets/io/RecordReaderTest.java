package dev.m6rec.plugins.datasets.io;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    /** Every record as "line: field|field|...". */
    private static List<String> records(Path file, Delimiter delimiter, boolean quoting, int bufferSize) {
        List<String> out = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(file, delimiter, quoting, UTF_8, OnError.FAIL, bufferSize)) {
            while (reader.next()) {
                List<String> fields = new ArrayList<>();
                for (int f = 0; f < reader.fieldCount(); f++) {
                    fields.add(reader.text(f));
                }
                out.add(reader.line() + ": " + String.join("|", fields));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 64, 1 << 20})
    void splitsRecordsWhateverTheBufferSize(int bufferSize) throws IOException {
        Path file = write("u.data", "196\t242\t3\t881250949\r\n\n186\t302\t3\t891717742\n22\t377\t1\t878887116".getBytes(UTF_8));
        assertThat(records(file, Delimiter.TAB, false, bufferSize)).containsExactly(
                "1: 196|242|3|881250949", "3: 186|302|3|891717742", "4: 22|377|1|878887116");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1 << 20})
    void splitsAtMultiByteDelimitersAcrossBufferEnds(int bufferSize) throws IOException {
        Path file = write("ratings.dat", "1::1193::5::978300760\n2::Star Wars: Episode IV (1977)::a:b::\n".getBytes(UTF_8));
        assertThat(records(file, Delimiter.DOUBLE_COLON, false, bufferSize)).containsExactly(
                "1: 1|1193|5|978300760", "2: 2|Star Wars: Episode IV (1977)|a:b|");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 9, 1 << 20})
    void readsRfc4180QuotedFields(int bufferSize) throws IOException {
        String csv = "movieId,title,genres\r\n"
                + "11,\"American President, The (1995)\",Comedy|Drama|Romance\r\n"
                + "12,\"She said \"\"hi\"\"\",\"\"\r\n"
                + "13,\"two\nlines\",x\n"
                + "14,plain \"quote\" inside,\n";
        Path file = write("movies.csv", csv.getBytes(UTF_8));
        assertThat(records(file, Delimiter.COMMA, true, bufferSize)).containsExactly(
                "1: movieId|title|genres",
                "2: 11|American President, The (1995)|Comedy|Drama|Romance",
                "3: 12|She said \"hi\"|",
                "4: 13|two\nlines|x",
                "6: 14|plain \"quote\" inside|");
    }

    @Test
    void leavesQuotesAloneWhenQuotingIsOff() throws IOException {
        Path file = write("a.csv", "\"a,b\",c\n".getBytes(UTF_8));
        assertThat(records(file, Delimiter.COMMA, false, 1 << 20)).containsExactly("1: \"a|b\"|c");
    }

    @Test
    void failsOnAnUnterminatedQuoteNamingTheLineItStarts() throws IOException {
        Path file = write("bad.csv", "1,ok\n2,\"never closed\n3,x\n".getBytes(UTF_8));
        assertThatThrownBy(() -> records(file, Delimiter.COMMA, true, 1 << 20)).isInstanceOf(DataException.class)
                .hasMessage(file + ":2: unterminated quoted field");
    }

    @Test
    void skipsAnUnterminatedQuoteWhenAskedAndCountsIt() throws IOException {
        Path file = write("bad.csv", "1,ok\n2,\"never closed\n3,x\n".getBytes(UTF_8));
        try (RecordReader reader = RecordReader.open(file, Delimiter.COMMA, true, UTF_8, OnError.SKIP)) {
            int records = 0;
            while (reader.next()) {
                records++;
            }
            assertThat(records).isEqualTo(1);
            assertThat(reader.skipped()).isEqualTo(1);
        }
    }

    @Test
    void dropsAUtf8ByteOrderMark() throws IOException {
        byte[] body = "userId,movieId\n1,2\n".getBytes(UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path file = write("bom.csv", withBom);
        assertThat(records(file, Delimiter.COMMA, true, 1 << 20)).containsExactly("1: userId|movieId", "2: 1|2");
    }

    @Test
    void decodesFieldsInTheFileCharset() throws IOException {
        Path file = write("u.item", "1|Am\u00e9lie (2001)\n".getBytes(ISO_8859_1));
        try (RecordReader reader = RecordReader.open(file, Delimiter.PIPE, false, ISO_8859_1, OnError.FAIL)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.text(1)).isEqualTo("Am\u00e9lie (2001)");
        }
    }

    @Test
    void namesMissingFilesAndFolders() {
        assertThatThrownBy(() -> RecordReader.open(dir.resolve("nope.csv"), Delimiter.COMMA, true, UTF_8, OnError.FAIL))
                .isInstanceOf(DataException.class).hasMessage(dir.resolve("nope.csv") + ": does not exist");
        assertThatThrownBy(() -> RecordReader.open(dir, Delimiter.COMMA, true, UTF_8, OnError.FAIL))
                .isInstanceOf(DataException.class).hasMessage(dir + ": is a directory, expected a file");
    }

    @Test
    void decodesTypedFieldsWithExactMessages() throws IOException {
        Path file = write("x.tsv", "a\t4.5\t12\t x | y ||z\n".getBytes(UTF_8));
        try (RecordReader reader = RecordReader.open(file, Delimiter.TAB, false, UTF_8, OnError.FAIL)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.number(1, "rating")).isEqualTo(4.5f);
            assertThat(reader.wholeNumber(2, "timestamp")).isEqualTo(12L);
            assertThat(reader.tokens(3, "|")).containsExactly("x", "y", "z");
            assertThatThrownBy(() -> reader.number(0, "rating")).isInstanceOf(MalformedRecordException.class)
                    .hasMessage("rating 'a' is not a number");
            assertThatThrownBy(() -> reader.expectFields(3)).hasMessage("expected 3 tab-separated fields, found 4");
            assertThatThrownBy(() -> reader.expectAtLeastFields(5)).hasMessage("expected at least 5 tab-separated fields, found 4");
        }
    }

    @Test
    void countsTheRecordsReadIntoAProgressTaskInStepsAndTheRestAtTheEnd() throws IOException {
        Path file = dir.resolve("rows.tsv");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < RecordReader.REPORT_EVERY + 1234; i++) {
            rows.append(i).append('\t').append(i % 7).append('\n');
            if (i == 10) {
                rows.append('\n');                  // a blank line is no record
            }
        }
        Files.writeString(file, rows);
        RecordingPluginContext context = new RecordingPluginContext(1, "data");
        ProgressTask task = context.progress().begin("rows", 0);
        try (RecordReader reader = RecordReader.open(file, Delimiter.TAB, false, UTF_8, OnError.FAIL).reportTo(task)) {
            while (reader.next()) {
                assertThat(reader.fieldCount()).isEqualTo(2);
            }
            assertThat(reader.next()).isFalse();
        }
        assertThat(context.advances).containsExactly((long) RecordReader.REPORT_EVERY, 1234L);
    }
}
