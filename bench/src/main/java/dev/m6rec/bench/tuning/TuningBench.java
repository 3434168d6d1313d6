package dev.m6rec.bench.tuning;

import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import dev.m6rec.bench.BenchHost;
import dev.m6rec.plugins.tuning.TuningPlugin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark of the tuning plugin's optimisers on standard functions: best-found regret after
 * 25/50/100 trials per seed (one TSV line per function, optimiser and seed on stdout), then the
 * cost of ask() with 200 finished trials ("ask" lines). Run through run.sh.
 *
 * Usage: java -cp CLASSPATH dev.m6rec.bench.tuning.TuningBench regret SEEDS TRIALS THREADS [optimizer ...]
 *        java -cp CLASSPATH dev.m6rec.bench.tuning.TuningBench ask FINISHED [optimizer ...]
 * An optimizer is a type name, optionally with settings: tpe:multivariate=false,candidates=48.
 * -Dproblems=branin,mixed restricts the problems; -DseedBase=N moves the seeds.
 */
public final class TuningBench {
    /**
     * Contexts for the optimisers, one thread each: the benchmark runs THREADS trials at once on
     * its own pool instead.
     */
    private static final BenchHost HOST = new BenchHost(1);

    private TuningBench() {
    }

    record Problem(String name, SearchSpace space, ToDoubleFunction<Map<String, Object>> f, double optimum, int gridPoints) {
    }

    static final double BRANIN_MIN = 0.397887357729739;
    static final double HARTMANN6_MIN = -3.32236801141551;

    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double q = x2 - b * x1 * x1 + c * x1 - 6;
        return q * q + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
    static final double[][] H_A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    static final double[][] H_P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    static double hartmann6(double[] x) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = x[j] - H_P[i][j];
                inner += H_A[i][j] * d * d;
            }
            sum += H_ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    static double num(Map<String, Object> p, String key) {
        return ((Number) p.get(key)).doubleValue();
    }

    static List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        out.add(new Problem("branin", new SearchSpace(List.of(
                SearchParameter.numeric("x1", ParameterKind.FLOAT, -5, 10),
                SearchParameter.numeric("x2", ParameterKind.FLOAT, 0, 15))),
                p -> branin(num(p, "x1"), num(p, "x2")), BRANIN_MIN, 10));
        List<SearchParameter> h = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            h.add(SearchParameter.numeric("x" + j, ParameterKind.FLOAT, 0, 1));
        }
        out.add(new Problem("hartmann6", new SearchSpace(h), p -> {
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = num(p, "x" + j);
            }
            return hartmann6(x);
        }, HARTMANN6_MIN, 2));
        List<SearchParameter> r = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            r.add(SearchParameter.numeric("x" + j, ParameterKind.FLOAT, -5, 10));
        }
        out.add(new Problem("rosenbrock4", new SearchSpace(r), p -> {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                double a = num(p, "x" + j);
                double b = num(p, "x" + (j + 1));
                s += 100 * (b - a * a) * (b - a * a) + (a - 1) * (a - 1);
            }
            return s;
        }, 0.0, 3));
        out.add(new Problem("mixed", new SearchSpace(List.of(
                SearchParameter.numeric("x", ParameterKind.FLOAT, -5, 10),
                SearchParameter.numeric("y", ParameterKind.FLOAT, 0, 15),
                SearchParameter.numeric("lr", ParameterKind.LOG_FLOAT, 1e-4, 1),
                SearchParameter.numeric("units", ParameterKind.INT, 1, 20),
                SearchParameter.choice("kernel", List.of("linear", "rbf", "poly")),
                SearchParameter.numeric("gamma", ParameterKind.FLOAT, 0, 1).when("kernel", List.of("rbf")))),
                TuningBench::mixed, BRANIN_MIN / 10, 2));
        return out;
    }

    static double mixed(Map<String, Object> p) {
        double f = branin(num(p, "x"), num(p, "y")) / 10;
        double lr = Math.log10(num(p, "lr")) + 2.5;
        f += 0.5 * lr * lr;
        double u = (num(p, "units") - 7) / 5;
        f += u * u;
        String kernel = (String) p.get("kernel");
        boolean hasGamma = p.containsKey("gamma");
        if (hasGamma != kernel.equals("rbf")) {
            throw new IllegalStateException("conditional parameter violated: " + p);
        }
        switch (kernel) {
            case "linear" -> f += 1.0;
            case "poly" -> f += 0.5;
            default -> {
                double g = num(p, "gamma") - 0.3;
                f += 4 * g * g;
            }
        }
        return f;
    }

    /** {@code spec} is a type name, optionally with settings: {@code tpe:multivariate=false,candidates=48}. */
    static StrategyOptimizer create(String spec, Problem problem, long seed) {
        String type = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        StrategyOptimizerFactory<?> factory = new TuningPlugin().strategyOptimizers().stream()
                .filter(f -> f.name().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no optimizer named " + type));
        Map<String, Object> section = new HashMap<>();
        if (type.equals("grid")) {
            section.put("points", problem.gridPoints());
        }
        if (spec.contains(":")) {
            for (String setting : spec.substring(spec.indexOf(':') + 1).split(",")) {
                String[] kv = setting.split("=", 2);
                section.put(kv[0], kv[1]);
            }
        }
        return BenchHost.create(factory, section, HOST.context(seed, "optimizer"));
    }

    static final long SEED_BASE = Long.getLong("seedBase", 1000);

    static double[] run(String type, Problem problem, long seed, int trials) {
        StrategyOptimizer optimizer = create(type, problem, seed);
        optimizer.start(problem.space(), Direction.MINIMIZE);
        double best = Double.POSITIVE_INFINITY;
        double[] curve = new double[trials];
        for (int t = 0; t < trials; t++) {
            Trial trial = optimizer.ask(t);
            double value = problem.f().applyAsDouble(trial.params());
            optimizer.tell(trial, TrialResult.complete(value));
            best = Math.min(best, value);
            curve[t] = best - problem.optimum();
        }
        return curve;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        boolean ask = args.length >= 2 && args[0].equals("ask");
        if (!ask && !(args.length >= 4 && args[0].equals("regret"))) {
            System.err.println("usage: TuningBench regret SEEDS TRIALS THREADS [optimizer ...] | ask FINISHED [optimizer ...]");
            System.exit(2);
        }
        if (ask) {
            int finished = Integer.parseInt(args[1]);
            for (String type : optimizers(args, 2)) {
                System.out.println("ask\t" + type + "\t" + askMillis(type, problems().get(3), finished));
            }
            return;
        }
        int seeds = Integer.parseInt(args[1]);
        int trials = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int[] checkpoints = {25, 50, 100};
        String only = System.getProperty("problems");
        for (String type : optimizers(args, 4)) {
            long started = System.nanoTime();
            for (Problem problem : problems()) {
                if (only != null && !List.of(only.split(",")).contains(problem.name())) {
                    continue;
                }
                List<Future<double[]>> runs = new ArrayList<>();
                for (int s = 0; s < seeds; s++) {
                    long seed = SEED_BASE + s;
                    runs.add(pool.submit(() -> run(type, problem, seed, trials)));
                }
                for (int s = 0; s < seeds; s++) {
                    double[] curve = runs.get(s).get();
                    StringBuilder line = new StringBuilder("run\t" + problem.name() + "\t" + type + "\t" + (SEED_BASE + s));
                    for (int c : checkpoints) {
                        line.append('\t').append(c <= trials ? String.valueOf(curve[c - 1]) : "nan");
                    }
                    System.out.println(line);
                }
            }
            System.err.printf("  %s: %.1fs%n", type, (System.nanoTime() - started) / 1e9);
        }
        pool.shutdown();
    }

    private static List<String> optimizers(String[] args, int from) {
        return args.length > from ? List.of(Arrays.copyOfRange(args, from, args.length))
                : List.of("random", "grid", "bayesian", "tpe", "genetic");
    }

    /**
     * ask() cost with {@code finished} trials told (replayed from random search), over 30 asks each
     * followed by its tell: median and max wall time, and median CPU time of the asking thread
     * (OpenBLAS runs in that thread with OMP_NUM_THREADS=1), which a busy machine does not inflate.
     */
    static String askMillis(String type, Problem problem, int finished) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        StrategyOptimizer optimizer = create(type, problem, 7);
        optimizer.start(problem.space(), Direction.MINIMIZE);
        StrategyOptimizer source = create("random", problem, 8);
        source.start(problem.space(), Direction.MINIMIZE);
        for (int t = 0; t < finished; t++) {
            Trial trial = source.ask(t);
            optimizer.tell(trial, TrialResult.complete(problem.f().applyAsDouble(trial.params())));
        }
        int asks = 30;
        double[] wall = new double[asks];
        double[] busy = new double[asks];
        for (int k = 0; k < asks; k++) {
            long w0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            Trial trial = optimizer.ask(finished + k);
            busy[k] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
            wall[k] = (System.nanoTime() - w0) / 1e6;
            optimizer.tell(trial, TrialResult.complete(problem.f().applyAsDouble(trial.params())));
        }
        Arrays.sort(wall);
        Arrays.sort(busy);
        return String.format("%.2f\t%.2f\t%.2f", wall[asks / 2], wall[asks - 1], busy[asks / 2]);
    }
}
