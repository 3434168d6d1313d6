package dev.m6rec.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.m6rec.api.UnknownEntityException;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The host's own endpoint, in its own format: {@code GET /for-you?user=U} answers a plain-text
 * list, one {@code rank item} per line; a user the model does not know gets the cold-start list.
 * It shows that a host keeps full control of its API and calls the facade from its own handlers.
 */
final class HostEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;

    private HostEndpoint(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    static HostEndpoint start(M6Rec rec, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            ExecutorService workers = Executors.newFixedThreadPool(2);
            server.createContext("/for-you", exchange -> answer(rec, exchange));
            server.setExecutor(workers);
            server.start();
            return new HostEndpoint(server, workers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(M6Rec rec, HttpExchange exchange) throws IOException {
        String user = userOf(exchange.getRequestURI().getRawQuery());
        int status = 200;
        StringBuilder text = new StringBuilder();
        if (user == null) {
            status = 400;
            text.append("ask /for-you?user=U\n");
        } else {
            List<Recommendation> list;
            try {
                list = rec.recommend(user, 5, null);
            } catch (UnknownEntityException e) {
                list = rec.recommend(Attributes.none(), 5);
            }
            list.forEach(r -> text.append(r.rank()).append(' ').append(r.item()).append('\n'));
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String userOf(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("user=") && pair.length() > 5) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
