package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TF-IDF over the words of a text attribute, computed as scikit-learn's {@code TfidfVectorizer}
 * with {@code smooth_idf}: {@code tf} is the raw count of the word in the document,
 * {@code idf = ln((1 + n) / (1 + df)) + 1} with {@code n} the number of training documents
 * (missing text counts as an empty document), and each row is scaled to unit L2 norm. The
 * vocabulary holds the words of at least {@code min-df} documents, at most {@code max-features}
 * of the most frequent; columns are {@code field:word} in ascending word order. Words outside
 * the vocabulary are ignored, so a document without any known word encodes as zeros.
 */
final class TfidfExtractor extends AbstractFeatureExtractor {
    private final int minDf;
    private final int maxFeatures;
    private String field;
    private String stopWords;
    private String stemmer;
    private TextTokenizer tokenizer;
    private Vocabulary vocabulary;
    private float[] idf;

    TfidfExtractor(TfidfFactory.Settings settings, String path) {
        super(TfidfFactory.NAME, path);
        this.field = settings.field();
        this.minDf = settings.minDf();
        this.maxFeatures = settings.maxFeatures() == null ? Integer.MAX_VALUE : settings.maxFeatures();
        this.stopWords = settings.stopWords();
        this.stemmer = settings.stemmer();
        this.tokenizer = tokenizer(stopWords, stemmer);
    }

    private static TextTokenizer tokenizer(String stopWords, String stemmer) {
        return new TextTokenizer("english".equals(stopWords) ? TextTokenizer.ENGLISH_STOP_WORDS : Set.of(),
                "porter".equals(stemmer));
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        AttributeColumn column = AttributeFields.resolve(path() + ".field", field, input, TfidfFactory.NAME,
                AttributeFields.kinds(AttributeKind.TEXT, AttributeKind.CATEGORICAL));
        String[] texts = column instanceof AttributeColumn.Text t ? t.values()
                : ((AttributeColumn.Categorical) column).values();
        List<List<String>> documents = new ArrayList<>(texts.length);
        Vocabulary.Counter documentFrequency = new Vocabulary.Counter();
        for (String text : texts) {
            List<String> tokens = tokenizer.tokens(text);
            documents.add(tokens);
            for (String token : Set.copyOf(tokens)) {
                documentFrequency.add(token);
            }
        }
        vocabulary = documentFrequency.select(minDf, maxFeatures);
        idf = new float[vocabulary.size()];
        double n = texts.length;
        for (int j = 0; j < idf.length; j++) {
            idf[j] = (float) (Math.log((1 + n) / (1 + documentFrequency.count(vocabulary.tokens().get(j)))) + 1);
        }
        Weights weights = new Weights(vocabulary.size());
        FeatureRows.Builder known = FeatureRows.builder();
        for (List<String> tokens : documents) {
            int count = weights.compute(tokens);
            for (int k = 0; k < count; k++) {
                known.add(weights.columns[k], weights.values[k]);
            }
            known.endRow();
        }
        return new Fitted(columnNames(), known.build());
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>(vocabulary.size());
        for (String word : vocabulary.tokens()) {
            names.add(field + ":" + word);
        }
        return names;
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        Weights weights = new Weights(vocabulary.size());
        int count = weights.compute(tokenizer.tokens(attributes.text(field)));
        for (int k = 0; k < count; k++) {
            dest[offset + weights.columns[k]] = weights.values[k];
        }
    }

    /** Scratch space for the weights of one document; reused across documents during fit. */
    private final class Weights {
        final int[] counts;
        final int[] columns;
        final float[] values;

        Weights(int width) {
            counts = new int[width];
            columns = new int[width];
            values = new float[width];
        }

        /** Fills {@code columns}/{@code values} with the document's non-zeros; returns how many. */
        int compute(List<String> tokens) {
            int count = 0;
            for (String token : tokens) {
                int j = vocabulary.indexOf(token);
                if (j >= 0 && counts[j]++ == 0) {
                    columns[count++] = j;
                }
            }
            double squares = 0;
            for (int k = 0; k < count; k++) {
                double w = (double) counts[columns[k]] * idf[columns[k]];
                squares += w * w;
            }
            double norm = Math.sqrt(squares);
            for (int k = 0; k < count; k++) {
                int j = columns[k];
                values[k] = (float) ((double) counts[j] * idf[j] / norm);
                counts[j] = 0;
            }
            return count;
        }
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("field", field);
        settings.put("stop-words", stopWords);
        settings.put("stemmer", stemmer);
        KeyValueFile.write(out, "tfidf.txt", settings);
        StringListFile.write(out, "vocabulary.txt", vocabulary.tokens());
        out.writeFloats("idf.f32", idf);
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        KeyValueFile settings = KeyValueFile.read(in, "tfidf.txt");
        List<String> words = StringListFile.read(in, "vocabulary.txt");
        float[] loadedIdf = in.readFloats("idf.f32");
        if (words.size() != columns.size() || loadedIdf.length != columns.size()) {
            throw new ArtifactException(in.location() + ": " + words.size() + " words and " + loadedIdf.length
                    + " idf values for " + columns.size() + " columns");
        }
        try {
            this.vocabulary = Vocabulary.ofSorted(words);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(in.location() + "/vocabulary.txt: " + e.getMessage(), e);
        }
        String loadedStopWords = settings.get("stop-words");
        if (!loadedStopWords.equals("english") && !loadedStopWords.equals("none")) {
            throw new ArtifactException(settings.where() + ": unknown stop-words '" + loadedStopWords + "'");
        }
        String loadedStemmer = settings.get("stemmer");
        if (!loadedStemmer.equals("porter") && !loadedStemmer.equals("none")) {
            throw new ArtifactException(settings.where() + ": unknown stemmer '" + loadedStemmer + "'");
        }
        this.field = settings.get("field");
        this.stopWords = loadedStopWords;
        this.stemmer = loadedStemmer;
        this.tokenizer = tokenizer(loadedStopWords, loadedStemmer);
        this.idf = loadedIdf;
    }
}
