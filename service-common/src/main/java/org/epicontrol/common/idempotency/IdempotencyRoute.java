package org.epicontrol.common.idempotency;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.epicontrol.common.DomainException;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * In front of the GraphQL endpoint, for a POSTed mutation carrying an idempotency key (after authentication, whose
 * identity scopes the key to its caller; before SmallRye GraphQL): a key already done by the same caller answers its
 * recorded answer at once (header {@code Idempotent-Replayed: true}) for the same body, IDEMPOTENCY_KEY_REUSED for
 * another; a new key is attached to the request, claimed by its write ({@link IdempotencyClaim}) and its answer
 * recorded by {@link AnswerRecording}. Queries, anonymous callers and requests without the header pass untouched.
 */
@ApplicationScoped
public class IdempotencyRoute {

    /** After authentication (order -200), before the routes of extensions (0 and on). */
    private static final int ORDER = -1;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Logger LOG = Logger.getLogger(IdempotencyRoute.class);

    private final IdempotencyConfig config;
    private final IdempotencyKeys keys;
    private final MemorySize maxBodySize;

    public IdempotencyRoute(IdempotencyConfig config, IdempotencyKeys keys,
                            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                            MemorySize maxBodySize) {
        this.config = config;
        this.keys = keys;
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        if (config.enabled()) {
            // the GraphQL route reads the body only in its own handler; a keyed request's is read here (once: a
            // body handler passes a body already read)
            BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
            router.route(HttpMethod.POST, config.path()).order(ORDER - 1).handler(ctx -> {
                if (ctx.request().getHeader(config.header()) == null) {
                    ctx.next();
                } else {
                    body.handle(ctx);
                }
            });
            router.route(HttpMethod.POST, config.path()).order(ORDER).handler(this::handle);
        }
    }

    void handle(RoutingContext ctx) {
        String key = ctx.request().getHeader(config.header());
        if (key == null) {
            ctx.next();
            return;
        }
        Optional<String> invalid = IdempotencyKeyFormat.problem(key, config.maxKeyLength());
        if (invalid.isPresent()) {
            refuse(ctx, "INVALID_IDEMPOTENCY_KEY", invalid.get());
            return;
        }
        RequestBody body = ctx.body();
        Buffer bytes = body == null ? null : body.buffer();
        if (bytes == null || !isMutation(bytes)) {
            ctx.next();
            return;
        }
        Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            ctx.next();
            return;
        }
        identity.subscribe().with(id -> admit(ctx, id, key, bytes), ctx::fail);
    }

    private void admit(RoutingContext ctx, SecurityIdentity identity, String key, Buffer bytes) {
        String subject = subject(identity);
        if (subject == null) {
            ctx.next();
            return;
        }
        IdempotentRequest request = new IdempotentRequest(subject, key, sha256(bytes), UUID.randomUUID().toString(),
                config.ttl().toSeconds());
        request.attach();
        answerFor(request, System.nanoTime() + config.answerWait().toNanos()).subscribe().with(answer -> {
            if (answer.isEmpty()) {
                ctx.next();
            } else {
                ctx.response().putHeader("Content-Type", "application/json").putHeader("Idempotent-Replayed", "true")
                        .end(answer.get());
            }
        }, failure -> {
            LOG.warnf(failure, "idempotency key %s: lookup failed", key);
            ctx.fail(failure);
        });
    }

    /** The answer to send instead of running the request; empty to run it. Waits while the answer is being recorded. */
    private Uni<Optional<String>> answerFor(IdempotentRequest request, long waitUntil) {
        return keys.find(request.subject(), request.key()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            IdempotencyKeys.Stored stored = found.get();
            if (!stored.requestHash().equals(request.requestHash())) {
                return Uni.createFrom().item(Optional.of(error(IdempotencyClaim.reused(request.key()))));
            }
            if (stored.answer() != null) {
                return Uni.createFrom().item(Optional.of(stored.answer()));
            }
            if (System.nanoTime() < waitUntil) {
                return Uni.createFrom().nullItem().onItem().delayIt().by(POLL)
                        .chain(() -> answerFor(request, waitUntil));
            }
            if (stored.createdAt().isBefore(OffsetDateTime.now().minus(config.answerLostAfter()))) {
                return Uni.createFrom().item(Optional.of(error("IDEMPOTENCY_KEY_ANSWER_LOST", "the write under"
                        + " idempotency key '" + request.key() + "' was done at " + stored.createdAt()
                        + "; its answer was not recorded (the service stopped in between). It is not done again.")));
            }
            return Uni.createFrom().item(Optional.of(error(IdempotencyClaim.inProgress(request.key()))));
        });
    }

    private static String subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** A single operation (not a batch) whose selected operation is a mutation. */
    static boolean isMutation(Buffer bytes) {
        JsonObject json;
        try {
            Object parsed = bytes.toJson();
            if (!(parsed instanceof JsonObject object)) {
                return false; // a batch: its keys are not handled
            }
            json = object;
        } catch (DecodeException e) {
            return false;
        }
        String query = json.getValue("query") instanceof String q ? q : null;
        String name = json.getValue("operationName") instanceof String n ? n : null;
        if (query == null) {
            return false;
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> name == null || name.equals(op.getName()))
                .findFirst()
                .map(op -> op.getOperation() == OperationDefinition.Operation.MUTATION)
                .orElse(false);
    }

    private static String sha256(Buffer bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(RoutingContext ctx, String code, String message) {
        ctx.response().putHeader("Content-Type", "application/json").end(error(code, message));
    }

    private static String error(DomainException e) {
        return error(e.code(), e.getMessage());
    }

    static String error(String code, String message) {
        return new JsonObject().putNull("data").put("errors", new JsonArray().add(new JsonObject()
                .put("message", message).put("extensions", new JsonObject().put("code", code)))).encode();
    }
}
