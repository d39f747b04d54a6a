package org.epicontrol.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A client's writes through the gateway as a careful client sends them: each mutation under a fresh
 * {@code Idempotency-Key}, sent again under the same key after no answer (a timeout, a connection refused or cut), an
 * HTTP 5xx, or an error that is not the domain's refusal (an error without a code, a subgraph unreachable, the key
 * still in progress), until an answer or {@link #giveUp}. Every {@code loseEvery}-th write also loses its first answer
 * on the way back, as a dropped connection does after the service has done the work, so that retries of done writes
 * happen on every run, not only when a fault hits one.
 */
final class RetryingWriter {

    /** What the client was told. */
    enum Outcome {
        /** An answer with data, or IDEMPOTENCY_KEY_ANSWER_LOST (the write was done, once, its answer lost). */
        ACKNOWLEDGED,
        /** A refusal by the domain (a typed code such as SHIFT_FULL): nothing was written. */
        FAILED,
        /** Still no answer when the client gave up. */
        UNKNOWN
    }

    /** The outcome of one write: the field's data (acknowledged), or the refusal's code, and how often it was sent. */
    record Result(Outcome outcome, JsonNode data, String code, String key, int tries) {
    }

    /** The refusals a retry can outlive: the key's first request still running, a token to fetch again. */
    private static final Set<String> RETRYABLE = Set.of("IDEMPOTENCY_KEY_IN_PROGRESS", "UNAUTHENTICATED",
            "SUPERGRAPH_UNAVAILABLE", "INTERNAL_SERVER_ERROR");
    /** The domain's codes (DomainException) are upper snake case; what SmallRye derives from an exception is not. */
    private static final Pattern DOMAIN_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final TokenSource tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration answerTimeout;
    private final Duration giveUp;
    private final int loseEvery;
    private final boolean keyOnRetries;
    private final AtomicLong writes = new AtomicLong();

    /** Access tokens by user, fetched again when refused. */
    interface TokenSource {
        String token(String user);
    }

    /**
     * @param keyOnRetries false only to watch the fault test fail: retries go without the key, as a client that
     *                     forgets it would send them
     */
    RetryingWriter(String url, TokenSource tokens, Duration answerTimeout, Duration giveUp, int loseEvery,
                   boolean keyOnRetries) {
        this.url = url;
        this.tokens = new CachedTokens(tokens);
        this.answerTimeout = answerTimeout;
        this.giveUp = giveUp;
        this.loseEvery = loseEvery;
        this.keyOnRetries = keyOnRetries;
    }

    /** Sends the mutation whose root field is {@code field} as {@code user}, retried as the class says. */
    Result write(String user, String field, String query, Map<String, Object> variables) throws InterruptedException {
        String key = "fault-e2e-" + UUID.randomUUID();
        boolean loseFirstAnswer = loseEvery > 0 && writes.incrementAndGet() % loseEvery == 0;
        long deadline = System.nanoTime() + giveUp.toNanos();
        String last = "not sent";
        int tries = 0;
        while (System.nanoTime() < deadline) {
            tries++;
            JsonNode body = send(user, tries == 1 || keyOnRetries ? key : null, query, variables);
            if (tries == 1 && loseFirstAnswer) {
                last = "answer lost on the way back";
            } else if (body == null) {
                last = "no answer";
            } else {
                JsonNode data = body.path("data").path(field);
                List<String> codes = new ArrayList<>();
                body.path("errors").forEach(e -> codes.add(e.path("extensions").path("code").asText(null)));
                if (codes.isEmpty() && !data.isMissingNode() && !data.isNull()) {
                    return new Result(Outcome.ACKNOWLEDGED, data, null, key, tries);
                }
                if (codes.contains("IDEMPOTENCY_KEY_ANSWER_LOST")) {
                    return new Result(Outcome.ACKNOWLEDGED, null, "IDEMPOTENCY_KEY_ANSWER_LOST", key, tries);
                }
                if (codes.contains("UNAUTHENTICATED")) {
                    tokens.token(null); // forget the cached tokens
                }
                String refusal = codes.stream().filter(RetryingWriter::isRefusal).findFirst().orElse(null);
                if (refusal != null) {
                    return new Result(Outcome.FAILED, null, refusal, key, tries);
                }
                last = codes.toString();
            }
            Thread.sleep(Math.min(2000, 100L * tries));
        }
        return new Result(Outcome.UNKNOWN, null, last, key, tries);
    }

    /** A domain's refusal: the write was not done and doing it again changes nothing. */
    static boolean isRefusal(String code) {
        return code != null && DOMAIN_CODE.matcher(code).matches() && !RETRYABLE.contains(code)
                && !code.startsWith("SUBREQUEST_");
    }

    /** One request; the parsed answer of an HTTP 2xx/4xx, null for no answer or an HTTP 5xx. */
    private JsonNode send(String user, String key, String query, Map<String, Object> variables)
            throws InterruptedException {
        String token = tokens.token(user);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(answerTimeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("query", query, "variables", variables)), StandardCharsets.UTF_8));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() >= 500 ? null : JSON.readTree(response.body());
        } catch (IOException noAnswer) {
            return null;
        }
    }

    /** One token per user until one is refused ({@code token(null)} forgets them all). */
    private static final class CachedTokens implements TokenSource {
        private final TokenSource source;
        private final Map<String, String> cached = new ConcurrentHashMap<>();

        CachedTokens(TokenSource source) {
            this.source = source;
        }

        @Override
        public String token(String user) {
            if (user == null) {
                cached.clear();
                return null;
            }
            return cached.computeIfAbsent(user, source::token);
        }
    }
}
