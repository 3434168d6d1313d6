package dev.m6rec.plugins.datasets.csv;

import static java.util.Objects.requireNonNull;

import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** How a delimited file is written: delimiter, header line, RFC-4180 quoting, character set. */
record DelimitedFormat(Delimiter delimiter, boolean header, boolean quoting, Charset charset) {
    DelimitedFormat {
        requireNonNull(delimiter, "delimiter is null");
        requireNonNull(charset, "charset is null");
    }

    RecordReader open(Path file, OnError onError) {
        return RecordReader.open(file, delimiter, quoting, charset, onError);
    }
}
