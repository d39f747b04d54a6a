package org.epicontrol.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Idempotency keys of mutations (see service-common's README): a client's {@code Idempotency-Key} header makes a
 * retried mutation answer the first answer instead of writing again. Each service may override these in its
 * application.properties.
 */
@ConfigMapping(prefix = "idempotency")
public interface IdempotencyConfig {

    /** Off: the header is ignored and every mutation runs as sent. */
    @WithDefault("true")
    boolean enabled();

    /** The request header carrying the key. */
    @WithDefault("Idempotency-Key")
    String header();

    /** The GraphQL endpoint whose POSTed mutations the key applies to. */
    @WithDefault("/graphql")
    String path();

    /** Longest key accepted (letters, digits and - _ . : only). */
    @WithDefault("128")
    int maxKeyLength();

    /** How long a key and its answer are kept: a retry later than this runs as a new request. */
    @WithDefault("PT24H")
    Duration ttl();

    /** How often expired keys are deleted. */
    @WithDefault("PT10M")
    Duration cleanupEvery();

    /** Most keys deleted per statement of the cleanup (it repeats until none is left). */
    @WithDefault("1000")
    int cleanupBatch();

    /**
     * How long a retry waits for the answer of a first request whose write has committed but whose answer is not
     * recorded yet, before it answers IDEMPOTENCY_KEY_IN_PROGRESS.
     */
    @WithDefault("PT2S")
    Duration answerWait();

    /**
     * A committed key still without an answer after this long lost its answer (the service stopped between the
     * commit and recording it): a retry is told IDEMPOTENCY_KEY_ANSWER_LOST, i.e. the write was done once.
     */
    @WithDefault("PT1M")
    Duration answerLostAfter();
}
