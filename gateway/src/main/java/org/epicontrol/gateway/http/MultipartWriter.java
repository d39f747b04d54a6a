package org.epicontrol.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.epicontrol.gateway.defer.IncrementalStream;
import org.epicontrol.gateway.json.JsonBodies;
import org.jboss.logging.Logger;

/**
 * Writes a {@code multipart/mixed} response of JSON parts as the incremental delivery over HTTP RFC frames it
 * (boundary {@code -}): each part {@code \r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n<json>},
 * closed by {@code \r\n-----\r\n}, every part sent as soon as it is written. Used for {@code @defer}
 * ({@code deferSpec=20220824}, what Apollo clients and Apollo Router speak); the framing fits any other
 * multipart GraphQL stream as well.
 */
@ApplicationScoped
public class MultipartWriter {
    private static final Logger LOG = Logger.getLogger(MultipartWriter.class);
    /** The response type for incremental delivery of {@code @defer}. */
    public static final String DEFER_CONTENT_TYPE = "multipart/mixed; boundary=\"-\"; deferSpec=20220824";
    private static final byte[] PART = "\r\n---\r\ncontent-type: application/json; charset=utf-8\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "\r\n-----\r\n".getBytes(StandardCharsets.US_ASCII);

    private final JsonBodies json;

    public MultipartWriter(ObjectMapper mapper) {
        this.json = new JsonBodies(mapper);
    }

    /**
     * Whether an Accept header takes incremental delivery of {@code @defer}: a {@code multipart/mixed} range with
     * {@code deferSpec=20220824}, as Apollo clients send ({@code multipart/mixed;deferSpec=20220824,
     * application/json}). Read by splitting, no pattern matching.
     */
    public static boolean acceptsDefer(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] params = range.split(";");
            if (!params[0].trim().toLowerCase(Locale.ROOT).equals("multipart/mixed")) {
                continue;
            }
            for (int i = 1; i < params.length; i++) {
                String[] kv = params[i].split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("deferSpec")
                        && kv[1].trim().replace("\"", "").equals("20220824")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Status 200, the content type, chunked: the parts follow. */
    public void begin(HttpServerResponse response, String contentType) {
        response.setStatusCode(200).setChunked(true).putHeader("content-type", contentType);
    }

    /** One JSON part, sent now; nothing once the client has gone. */
    public void part(HttpServerResponse response, Map<String, Object> payload) {
        if (response.closed() || response.ended()) {
            return;
        }
        try {
            response.write(json.buffer(PART, payload));
        } catch (Exception e) {
            LOG.error("cannot write a response part", e);
            response.reset();
        }
    }

    /** The closing delimiter; ends the response. */
    public void end(HttpServerResponse response) {
        if (!response.closed() && !response.ended()) {
            response.end(Buffer.buffer(CLOSE));
        }
    }

    /** A deferred response: the first payload at once, each further one as it comes, then the close. */
    public void incremental(HttpServerResponse response, Map<String, Object> first, IncrementalStream rest) {
        begin(response, DEFER_CONTENT_TYPE);
        part(response, first);
        rest.read(payload -> part(response, payload), () -> end(response));
    }
}
