package org.cellactive.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.cellactive.learning.labelling.BatchCrops;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.LiveAnswers;

/**
 * Every request of {@code serve}: the token first (403 without it), then the page, the JSON
 * API, the crops and the labels CSV. Bodies over {@value #MAX_BODY} bytes get 413 before they
 * are read. Crop keys are looked up in the cells table; no part of a request path ever
 * reaches the file system.
 */
final class ApiHandler implements HttpHandler {
    static final int MAX_BODY = 1 << 20;
    /** How much of a refused body is read and dropped so its sender gets the 413. */
    static final long SWALLOW = 16L << 20;
    private static final String CROP_PREFIX = "/api/crop/";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final String CSP = "default-src 'none'; img-src 'self' blob:; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final LabellingSession session;
    private final AccessToken token;
    private final byte[] page;
    private final PrintStream log;

    ApiHandler(LabellingSession session, AccessToken token, byte[] page, PrintStream log) {
        this.session = session;
        this.token = token;
        this.page = page;
        this.log = log;
    }

    /** A request the handler refuses with a status and a one-line reason. */
    private static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Headers h = ex.getResponseHeaders();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cache-Control", "no-store");
            h.set("X-Frame-Options", "DENY");
            try {
                if (!token.admits(ex)) {
                    throw new Refused(403, "missing or wrong token: use the URL serve printed");
                }
                route(ex);
            } catch (Refused r) {
                sendJson(ex, r.status, Map.of("error", r.getMessage()));
            } catch (UnrecognizedPropertyException e) {
                sendJson(ex, 400, Map.of("error", "unknown field '" + e.getPropertyName() + "'"));
            } catch (JsonProcessingException e) {
                sendJson(ex, 400, Map.of("error", "not the expected JSON: " + e.getOriginalMessage()));
            } catch (RuntimeException e) {
                log.println("serve: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " failed: " + e);
                sendJson(ex, 500, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        if (path.equals("/") || path.equals("/index.html")) {
            expect(method, "GET");
            ex.getResponseHeaders().set("Content-Security-Policy", CSP);
            send(ex, 200, "text/html; charset=utf-8", page);
        } else if (path.equals("/api/batch")) {
            expect(method, "GET");
            sendJson(ex, 200, batchJson(session.batch()));
        } else if (path.equals("/api/status")) {
            expect(method, "GET");
            sendJson(ex, 200, ApiMessages.status(session.status()));
        } else if (path.equals("/api/labels")) {
            expect(method, "POST");
            ApiMessages.LabelsRequest req = JSON.readValue(body(ex), ApiMessages.LabelsRequest.class);
            if (req.labels() == null) {
                throw new Refused(400, "labels must be a list");
            }
            LiveAnswers.Outcome o = session.post(req.labels().stream()
                    .map(e -> e == null ? new LiveAnswers.Answer(null, null, false, false) : e.toAnswer()).toList());
            sendJson(ex, 200, ApiMessages.labelsAnswer(o, session.batch().round()));
        } else if (path.equals("/api/undo")) {
            expect(method, "POST");
            ApiMessages.UndoRequest req = JSON.readValue(body(ex), ApiMessages.UndoRequest.class);
            LabelRecord r;
            try {
                r = session.undo(req.cellKey());
            } catch (LedgerException e) {
                throw new Refused(409, e.getMessage());
            }
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("cell_key", r.cellKey());
            out.put("label", r.isClassLabel() ? r.label() : null);
            out.put("unsure", r.isUnsure());
            out.put("round", session.batch().round());
            sendJson(ex, 200, out);
        } else if (path.equals("/api/next")) {
            expect(method, "POST");
            body(ex); // a body, if any, is read (and bounded) but carries nothing
            sendJson(ex, 200, batchJson(session.next()));
        } else if (path.equals("/api/labels.csv")) {
            expect(method, "GET");
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"labels.csv\"");
            send(ex, 200, "text/csv; charset=utf-8", session.labelsCsv().getBytes(StandardCharsets.UTF_8));
        } else if (path.startsWith(CROP_PREFIX) && path.endsWith(".png")) {
            expect(method, "GET");
            crop(ex, path.substring(CROP_PREFIX.length(), path.length() - ".png".length()));
        } else {
            throw new Refused(404, "no such resource");
        }
    }

    private Map<String, Object> batchJson(BatchView b) {
        return ApiMessages.batch(b, session.classes(), session.answersInBatch());
    }

    private void crop(HttpExchange ex, String cellKey) throws IOException {
        // The key is only ever compared with the cells table's keys; the image path comes from the table.
        if (cellKey.isEmpty() || cellKey.length() > 512 || cellKey.chars().anyMatch(Character::isISOControl)) {
            throw new Refused(404, "no cell with that key in the cells table");
        }
        Optional<BatchCrops.Result> r = session.crop(cellKey);
        if (r.isEmpty()) {
            throw new Refused(404, "no cell with that key in the cells table");
        }
        if (r.get().crop() == null) {
            throw new Refused(404, "no image for that cell: " + r.get().problem());
        }
        send(ex, 200, "image/png", r.get().crop().png());
    }

    private static void expect(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new Refused(405, "use " + allowed);
        }
    }

    /** The request body, refused with 413 when its declared or actual length is over the limit. */
    private static byte[] body(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = ex.getRequestBody()) {
            if (declared != null) {
                long n;
                try {
                    n = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    throw new Refused(400, "bad Content-Length");
                }
                if (n > MAX_BODY) {
                    refuseTooLarge(ex, in, "body of " + n + " bytes; the limit is " + MAX_BODY);
                }
            }
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                refuseTooLarge(ex, in, "body over " + MAX_BODY + " bytes");
            }
            return bytes;
        }
    }

    /**
     * 413, after reading (and dropping) up to {@value #SWALLOW} bytes more: a client still
     * sending when the server closes gets a connection reset instead of the answer. Beyond
     * that the connection is simply closed.
     */
    private static void refuseTooLarge(HttpExchange ex, InputStream in, String reason) throws IOException {
        long left = SWALLOW;
        byte[] sink = new byte[64 << 10];
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
        ex.getResponseHeaders().set("Connection", "close");
        throw new Refused(413, reason);
    }

    private static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }
}
