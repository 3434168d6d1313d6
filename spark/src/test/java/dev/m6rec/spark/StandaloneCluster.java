package dev.m6rec.spark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on this machine: one master and {@code workers} workers, each its
 * own JVM bound to 127.0.0.1 on OS-chosen ports, one core each. Workers start executors as further
 * JVMs from a Spark home whose {@code jars/} is Spark's closure (plugins/spark/target/spark-lib);
 * M6-Rec's classes reach the executors only through {@code spark.jars}, as on a real cluster.
 * Everything started here is stopped by process id in {@link #close}.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final String url;

    private StandaloneCluster(Process master, String url) {
        this.master = master;
        this.url = url;
    }

    static StandaloneCluster start(Path dir, Path sparkLib, int workerCount) throws IOException, InterruptedException {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home);
        Files.createSymbolicLink(home.resolve("jars"), sparkLib.toAbsolutePath());
        String sparkClassPath = sparkLib.toAbsolutePath() + File.separator + "*";
        List<String> masterCommand = java(sparkClassPath + File.pathSeparator + testClasses(),
                StandaloneMasterMain.class.getName());
        Process master = process(masterCommand, home, dir.resolve("master.log"), false);
        String port = awaitLine(master, "master-port ", 5);
        StandaloneCluster cluster = new StandaloneCluster(master, "spark://127.0.0.1:" + port);
        try {
            for (int w = 0; w < workerCount; w++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + w));
                List<String> command = java(sparkClassPath, "org.apache.spark.deploy.worker.Worker");
                command.addAll(List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1",
                        "--memory", "1g", "--work-dir", work.toString(), cluster.url));
                cluster.workers.add(process(command, home, dir.resolve("worker-" + w + ".log"), true));
            }
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String url() {
        return url;
    }

    /** Kills worker {@code w} and the executor JVMs it started, as a lost machine would. */
    void kill(int w) {
        Process worker = workers.get(w);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            try {
                p.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<String> java(String classPath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        for (String option : System.getProperty("m6rec.sparkJvmOptionsText", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", classPath, mainClass));
        return command;
    }

    private static Process process(List<String> command, Path home, Path log, boolean toLog) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        if (toLog) {
            builder.redirectOutput(log.toFile());
        }
        return builder.start();
    }

    /** Waits for the line starting with {@code prefix} and returns the rest; the rest of the output is drained. */
    private static String awaitLine(Process process, String prefix, int minutes) throws InterruptedException {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(prefix)) {
                        found.complete(line.substring(prefix.length()).trim());
                    }
                }
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new IllegalStateException("exited before printing '" + prefix + "'"));
        }, "master-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(minutes, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the standalone master did not start: " + e, e);
        }
    }

    private static String testClasses() {
        try {
            return Path.of(StandaloneMasterMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
