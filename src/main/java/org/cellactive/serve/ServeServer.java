package org.cellactive.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.cellactive.learning.ledger.CellCardAssets;

/**
 * The JDK's own HTTP server ({@code jdk.httpserver}) in front of a {@link LabellingSession}:
 * no second web server next to Spark's Jetty. Requests are handled on a few threads; the
 * session serialises what touches the ledger.
 */
public final class ServeServer implements AutoCloseable {
    static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AccessToken token;
    private final String host;

    private ServeServer(HttpServer server, ExecutorService executor, AccessToken token, String host) {
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.host = host;
    }

    /**
     * @param bind address to listen on; anything but loopback is warned about on {@code log}
     * @param port 0 for any free port
     */
    public static ServeServer start(LabellingSession session, String bind, int port, PrintStream log) {
        try {
            InetAddress address = InetAddress.getByName(bind);
            if (!address.isLoopbackAddress()) {
                log.println("serve: WARNING: listening on " + bind + ", not on loopback: anyone who can reach this"
                        + " machine and learns the token can label. Use --bind 127.0.0.1 unless you mean it.");
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
                Thread t = new Thread(r, "serve-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            AccessToken token = AccessToken.random();
            server.createContext("/", new ApiHandler(session, token, page(), log));
            server.setExecutor(executor);
            server.start();
            String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]"
                    : address.getHostAddress();
            return new ServeServer(server, executor, token, host);
        } catch (IOException e) {
            throw new UncheckedIOException("serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The address to open, token included. */
    public URI url() {
        return URI.create("http://" + host + ":" + port() + "/?token=" + token.value());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String token() {
        return token.value();
    }

    private static byte[] page() throws IOException {
        try (InputStream in = ServeServer.class.getResourceAsStream("serve.html")) {
            if (in == null) {
                throw new IOException("serve.html is missing from the application jar");
            }
            return CellCardAssets.inline(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Stops accepting requests and waits (up to a second) for those in progress. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
