package dev.m6rec.bench.cnn;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.bench.BenchHost;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.pipeline.UserHistories;
import dev.m6rec.core.split.LeaveOneOutSplitterFactory;
import dev.m6rec.plugins.datasets.synthetic.SyntheticLoaderFactory;
import dev.m6rec.plugins.dl4j.cnn.CaserFactory;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
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
 * Usage: java -cp CP [-Dpatience=2] dev.m6rec.bench.cnn.CnnBench FUSED_EPOCHS GRAPH_EPOCHS [QUALITY_EPOCHS]
 */
public final class CnnBench {
    private static final long SEED = 42;
    /** One thread, as the run.sh comparison states; the cnn model trains on the calling thread. */
    private static final BenchHost HOST = new BenchHost(1);
    private static final MetricSpec NDCG_AT_10 = MetricSpec.parse("ndcg@10");

    private CnnBench() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CnnBench FUSED_EPOCHS GRAPH_EPOCHS [QUALITY_EPOCHS]");
            System.exit(2);
        }
        int fusedEpochs = Integer.parseInt(args[0]);
        int graphEpochs = Integer.parseInt(args[1]);
        int qualityEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Dataset dataset = load();
        DataSplit split = split(dataset);
        ModelInputs inputs = new ModelInputs(dataset.users().size(), dataset.items().size(),
                FeatureMatrix.empty(dataset.users().size()), FeatureMatrix.empty(dataset.items().size()), Optional.empty());
        System.out.printf(Locale.ROOT, "data: %d users, %d items, %d training interactions%n",
                inputs.numUsers(), inputs.numItems(), split.train().size());
        if (fusedEpochs > 0) {
            run(split, inputs, "fused", 1);   // warm-up: JIT and native libraries
            report("fused", run(split, inputs, "fused", fusedEpochs));
        }
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
        MessageLog log = new MessageLog();
        InterestModel model = BenchHost.create(new CaserFactory(), section(engine, epochs, 0),
                HOST.context(SEED, "interest", log));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        model.fit(new TrainingData(split, inputs, ValidationScorer.none("ndcg@10")));
        wall = System.nanoTime() - wall;
        cpu = os.getProcessCpuTime() - cpu;
        double rate = 0;
        int epochLines = 0;
        Matcher m = Pattern.compile("([\\d,]+) samples/s").matcher("");
        for (String line : log.lines) {
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

    /** Early stopping on validation NDCG@10, then test NDCG@10, both by core's evaluator as a run computes them. */
    static void quality(DataSplit split, ModelInputs inputs, int epochs) {
        MessageLog log = new MessageLog();
        var context = HOST.context(SEED, "interest", log);
        InterestModel model = BenchHost.create(new CaserFactory(),
                section("fused", epochs, Integer.getInteger("patience", 2)), context);
        Evaluator evaluator = new Evaluator(List.of(NDCG_AT_10), context.executor(), context.threads(), inputs.numItems());
        long wall = System.nanoTime();
        model.fit(new TrainingData(split, inputs, new Validation(evaluator,
                new UserHistories(split.train(), inputs.userFeatures()), split.valid())));
        wall = System.nanoTime() - wall;
        log.lines.forEach(line -> System.out.println("  " + line));
        UserHistories seen = new UserHistories(Interactions.concat(split.train(), split.valid()), inputs.userFeatures());
        System.out.printf(Locale.ROOT, "quality: fit with validation %.1f s, test ndcg@10 %.4f%n", wall / 1e9,
                evaluator.evaluate(model, seen::profile, split.test(), null).get(NDCG_AT_10.toString()));
    }

    static Dataset load() {
        return BenchHost.create(new SyntheticLoaderFactory(), Map.of("users", 2000, "items", 1000),
                HOST.context(SEED, "data")).load();
    }

    static DataSplit split(Dataset dataset) {
        return BenchHost.create(new LeaveOneOutSplitterFactory(), Map.of("order", "time", "valid", true),
                HOST.context(SEED, "split")).split(dataset);
    }

    /** What a run hands to fit: validation NDCG@10 with the training items excluded. */
    record Validation(Evaluator evaluator, UserHistories train, Interactions valid) implements ValidationScorer {
        @Override
        public String metric() {
            return NDCG_AT_10.toString();
        }

        @Override
        public boolean available() {
            return valid.size() > 0;
        }

        @Override
        public double score(InterestModel model) {
            return evaluator.evaluate(model, train::profile, valid, null).get(NDCG_AT_10.toString());
        }
    }

    /** Keeps every progress message and info line, in order: the model reports its epoch samples/s there. */
    static final class MessageLog implements ProgressReporter {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ProgressTask begin(String name, long total) {
            return new ProgressTask() {
                @Override
                public void advance(long units) {
                }

                @Override
                public void message(String message) {
                    lines.add(message);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void info(String message) {
            lines.add(message);
        }
    }
}
