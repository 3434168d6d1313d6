import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.core.config.SectionBinder;
import dev.m6rec.core.split.LeaveOneOutSplitterFactory;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.plugins.datasets.synthetic.SyntheticLoaderFactory;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.cnn.CaserFactory;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Training speed of the {@code cnn} interest model, fused kernel against DL4J's
 * {@code ComputationGraph.fit}, on the quick-start problem (synthetic data of 2000 users and
 * 1000 items split leave-one-out, the settings of examples/quickstart-cnn.yaml, text encoder on).
 * Prints one line per engine, "cnn <engine> <rows> <wall s> <cpu s> <epoch samples/s>", then,
 * with QUALITY set, the fused engine's validation-stopped test NDCG@10.
 * Usage: java -cp CP [-Dpatience=2] CnnBench.java FUSED_EPOCHS GRAPH_EPOCHS [QUALITY_EPOCHS]
 */
public class CnnBench {
    public static void main(String[] args) {
        int fusedEpochs = Integer.parseInt(args[0]);
        int graphEpochs = Integer.parseInt(args[1]);
        int qualityEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Dataset dataset = load();
        DataSplit split = split(dataset);
        ModelInputs inputs = new ModelInputs(dataset.users().size(), dataset.items().size(),
                FeatureMatrix.empty(dataset.users().size()), FeatureMatrix.empty(dataset.items().size()), Optional.empty());
        System.out.printf(Locale.ROOT, "data: %d users, %d items, %d training interactions%n",
                inputs.numUsers(), inputs.numItems(), split.train().size());
        run(split, inputs, "fused", 1);   // warm-up: JIT and native libraries
        report("fused", run(split, inputs, "fused", fusedEpochs));
        if (graphEpochs > 0) {
            report("graph", run(split, inputs, "graph", graphEpochs));
        }
        if (qualityEpochs > 0) {
            quality(split, inputs, qualityEpochs);
        }
    }

    static Map<String, Object> section(String engine, int epochs, int patience) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("embedding", 32);
        s.put("length", 5);
        s.put("heights", List.of(1, 2, 3));
        s.put("horizontal-filters", 16);
        s.put("vertical-filters", 4);
        s.put("epochs", epochs);
        s.put("batch-size", 512);
        s.put("learning-rate", 0.003);
        s.put("negatives", 3);
        s.put("early-stopping", Map.of("patience", patience));
        s.put("text", Map.of("field", "title", "tokens", 6, "widths", List.of(1, 2), "filters", 32,
                "word-embedding", 16, "min-count", 2));
        s.put("engine", engine);
        return s;
    }

    /** {rows, wall ns, cpu ns, mean epoch samples/s as reported by the model}. */
    static double[] run(DataSplit split, ModelInputs inputs, String engine, int epochs) {
        RecordingPluginContext context = new RecordingPluginContext(42, "interest");
        InterestModel model = new CaserFactory().create(bind(new CaserFactory(), "interest",
                section(engine, epochs, 0)), context);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        model.fit(new TrainingData(split, inputs, new NoValidation()));
        wall = System.nanoTime() - wall;
        cpu = os.getProcessCpuTime() - cpu;
        double rate = 0;
        int epochLines = 0;
        Matcher m = Pattern.compile("([\\d,]+) samples/s").matcher("");
        for (String line : context.messages) {
            if (m.reset(line).find()) {
                rate += Double.parseDouble(m.group(1).replace(",", ""));
                epochLines++;
            }
        }
        return new double[] {(double) split.train().size() * 4 * epochs, wall, cpu, rate / Math.max(1, epochLines)};
    }

    static void report(String engine, double[] r) {
        System.out.printf(Locale.ROOT, "cnn %s %.0f %.3f %.3f %.0f%n", engine, r[0], r[1] / 1e9, r[2] / 1e9, r[3]);
    }

    static void quality(DataSplit split, ModelInputs inputs, int epochs) {
        RecordingPluginContext context = new RecordingPluginContext(42, "interest");
        InterestModel model = new CaserFactory().create(bind(new CaserFactory(), "interest",
                section("fused", epochs, Integer.getInteger("patience", 2))), context);
        long wall = System.nanoTime();
        model.fit(new TrainingData(split, inputs,
                RankingEvaluation.validation(split.train(), split.valid(), inputs.userFeatures())));
        wall = System.nanoTime() - wall;
        context.messages.forEach(line -> System.out.println("  " + line));
        Interactions seen = RankingEvaluation.union(split.train(), split.valid());
        System.out.printf(Locale.ROOT, "quality: fit with validation %.1f s, test ndcg@10 %.4f%n", wall / 1e9,
                RankingEvaluation.ndcgAt10(model, seen, split.test(), inputs.userFeatures()));
    }

    static Dataset load() {
        SyntheticLoaderFactory factory = new SyntheticLoaderFactory();
        ComponentConfig config = bind(factory, "data", Map.of("users", 2000, "items", 1000));
        return factory.create(config, new RecordingPluginContext(42, "data")).load();
    }

    static DataSplit split(Dataset dataset) {
        LeaveOneOutSplitterFactory factory = new LeaveOneOutSplitterFactory();
        ComponentConfig config = bind(factory, "split", Map.of("order", "time", "valid", true));
        return factory.create(config, new RecordingPluginContext(42, "split")).split(dataset);
    }

    static ComponentConfig bind(ComponentFactory<?> factory, String path, Map<String, Object> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentConfig config = SectionBinder.bind(path, factory.name(), section, factory.schema(), problems);
        problems.addAll(factory.validate(config));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.toString());
        }
        return config;
    }

    static final class NoValidation implements ValidationScorer {
        @Override
        public String metric() {
            return "none";
        }

        @Override
        public boolean available() {
            return false;
        }

        @Override
        public double score(InterestModel model) {
            return Double.NaN;
        }
    }
}
