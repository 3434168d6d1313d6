package dev.m6rec.bench.serving;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load: GET /v1/recommend at a fixed rate, request {@code n} due at
 * {@code start + n / rate} whatever became of the earlier ones, each latency counted from when its
 * request was due (not from when a free connection sent it), as wrk2 and Gatling's constant-rate
 * injection measure. A closed loop, where each client waits for its answer before asking again,
 * slows its asking when the server slows and so hides the queue from its latencies (coordinated
 * omission); here a stall of the server shows as the latencies of every request due during it.
 *
 * <p>Requests go out over {@code connections} persistent connections, one thread each, taking the
 * due requests in order; when all are busy, the next request waits and its wait is counted. Users
 * are drawn from {@code users-file}, request {@code n} from a generator seeded by {@code seed} and
 * {@code n}, so a run asks the same users in the same order whatever the timing.
 *
 * <p>Every connection is open before the first request is due, and the load runs {@code warm-up}
 * seconds at the same rate before it counts: the first second of a cold generator (its code
 * interpreted, its connections opening) delayed a tenth of its requests by 100-200 ms.
 *
 * <pre>
 * java dev.m6rec.bench.serving.OpenLoopLoad PORT USERS_FILE RATE WARMUP SECONDS CONNECTIONS SEED K
 * </pre>
 * Prints one line: {@code RESULT requests=.. duration_us=.. non2xx=.. connect=.. read=.. write=..
 * timeout=.. p50_us=.. p90_us=.. p99_us=.. p999_us=.. max_us=.. offered=..} (wrk's fields, as
 * {@code bench/serving/recommend.lua} prints them, plus the offered rate), over the counted seconds.
 */
public final class OpenLoopLoad {
    private static final String HOST = "127.0.0.1";
    private static final int TIMEOUT_MILLIS = 10_000;
    /** Latencies are recorded in microseconds, up to a minute, to three significant digits. */
    private static final long MAX_LATENCY_MICROS = 60_000_000L;

    private final int port;
    private final String[] users;
    private final double rate;
    private final long seed;
    private final int k;
    private final AtomicLong nextRequest = new AtomicLong();
    private long startNanos;
    private long countedFromNanos;
    private long endNanos;

    private OpenLoopLoad(int port, String[] users, double rate, long seed, int k) {
        this.port = port;
        this.users = users;
        this.rate = rate;
        this.seed = seed;
        this.k = k;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: OpenLoopLoad PORT USERS_FILE RATE WARMUP SECONDS CONNECTIONS SEED K");
            System.exit(2);
        }
        String[] users = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isEmpty()).toArray(String[]::new);
        OpenLoopLoad load = new OpenLoopLoad(Integer.parseInt(args[0]), users, Double.parseDouble(args[2]),
                Long.parseLong(args[6]), Integer.parseInt(args[7]));
        System.out.println(load.run(Double.parseDouble(args[3]), Double.parseDouble(args[4]), Integer.parseInt(args[5])));
    }

    private String run(double warmup, double seconds, int connections) throws InterruptedException {
        List<Client> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(new Client());
        }
        startNanos = System.nanoTime() + 100_000_000L;   // every thread is waiting for the first request by then
        countedFromNanos = startNanos + (long) (warmup * 1e9);
        endNanos = countedFromNanos + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread thread = new Thread(clients.get(c), "load-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        long requests = 0;
        long non2xx = 0;
        long connect = 0;
        long read = 0;
        long write = 0;
        long timeout = 0;
        long lastAnswer = countedFromNanos;
        for (Client client : clients) {
            latencies.add(client.latencies);
            requests += client.answered;
            non2xx += client.non2xx;
            connect += client.connectErrors;
            read += client.readErrors;
            write += client.writeErrors;
            timeout += client.timeouts;
            lastAnswer = Math.max(lastAnswer, client.lastAnswerNanos);
        }
        return String.format(Locale.ROOT, "RESULT requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d"
                        + " timeout=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d offered=%.0f",
                requests, (lastAnswer - countedFromNanos) / 1000, non2xx, connect, read, write, timeout,
                latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(90),
                latencies.getValueAtPercentile(99), latencies.getValueAtPercentile(99.9), latencies.getMaxValue(),
                rate);
    }

    /** When request {@code n} is due. */
    private long dueNanos(long n) {
        return startNanos + (long) (n * 1e9 / rate);
    }

    private byte[] request(long n) {
        String user = users[new SplittableRandom(seed * 1_000_003L + n).nextInt(users.length)];
        return KeepAliveConnection.request(HOST, port, "/v1/recommend?user=" + user + "&k=" + k);
    }

    /** One connection's thread: takes the next due request, waits for its time, sends it, reads the answer. */
    private final class Client implements Runnable {
        final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        long answered;
        long non2xx;
        long connectErrors;
        long readErrors;
        long writeErrors;
        long timeouts;
        long lastAnswerNanos;
        private KeepAliveConnection connection;

        Client() {
            connect();
        }

        @Override
        public void run() {
            try {
                for (long n = nextRequest.getAndIncrement(); dueNanos(n) < endNanos; n = nextRequest.getAndIncrement()) {
                    long due = dueNanos(n);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    send(request(n), due);
                }
            } finally {
                disconnect();
            }
        }

        /** Opens the connection; false (and a connect error counted) if the server refused it. */
        private boolean connect() {
            try {
                connection = new KeepAliveConnection(HOST, port, TIMEOUT_MILLIS);
                return true;
            } catch (IOException e) {
                connectErrors++;
                return false;
            }
        }

        private void send(byte[] request, long due) {
            if (connection == null && !connect()) {
                return;
            }
            boolean written = false;
            try {
                connection.send(request);
                written = true;
                int status = connection.answer();
                long now = System.nanoTime();
                if (status < 200 || status >= 300) {
                    non2xx++;   // failures count in the warm-up too
                }
                if (due >= countedFromNanos) {
                    latencies.recordValue(Math.min(MAX_LATENCY_MICROS, (now - due) / 1000));
                    lastAnswerNanos = now;
                    answered++;
                }
                if (!connection.reusable()) {
                    disconnect();
                }
            } catch (SocketTimeoutException e) {
                timeouts++;
                disconnect();
            } catch (IOException e) {
                if (written) {
                    readErrors++;
                } else {
                    writeErrors++;
                }
                disconnect();
            }
        }

        private void disconnect() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // The connection is dropped either way; the error that led here is already counted.
                }
                connection = null;
            }
        }
    }
}
