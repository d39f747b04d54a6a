package org.epicontrol.gateway.trust;

import java.util.Locale;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig.TrustedDocumentsMode;
import org.epicontrol.gateway.request.GraphQLRequest;

/**
 * Which documents a caller may run, decided on the decoded request before anything is parsed.
 * <ul>
 * <li>{@code extensions.persistedQuery = {"version": 1, "sha256Hash": h}} without a query: the registered document
 * {@code h} runs; an unknown {@code h} is {@code PERSISTED_QUERY_NOT_FOUND} (Apollo clients then resend with the
 * query).
 * <li>A hash and a query: the hash must be the query's SHA-256 ({@code PERSISTED_QUERY_HASH_MISMATCH}); where
 * only registered documents are allowed, it must also be registered ({@code PERSISTED_QUERY_NOT_FOUND}). Nothing is
 * ever registered by a request (no automatic persisted queries): that would let anyone extend the list.
 * <li>A query alone: runs where free documents are allowed (mode {@code off}; mode {@code anonymous} for a signed-in
 * caller); elsewhere only when its SHA-256 is registered (the same text a registered client would send), else
 * {@code PERSISTED_QUERY_REQUIRED}.
 * </ul>
 */
public final class TrustedDocuments {
    public static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    public static final String REQUIRED = "PERSISTED_QUERY_REQUIRED";
    public static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    public static final String INVALID = "PERSISTED_QUERY_INVALID";

    /** The message Apollo clients (older ones by message, newer by code) take as "send the query along". */
    private static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

    private final TrustedDocumentsMode mode;

    public TrustedDocuments(TrustedDocumentsMode mode) {
        this.mode = mode;
    }

    public TrustDecision check(GraphQLRequest request, boolean signedIn, DocumentManifest manifest) {
        Object extension = request.extensions() == null ? null : request.extensions().get("persistedQuery");
        String query = request.query() == null || request.query().isBlank() ? null : request.query();
        boolean freeAllowed = mode == TrustedDocumentsMode.OFF
                || mode == TrustedDocumentsMode.ANONYMOUS && signedIn;
        if (extension == null) {
            if (query == null || freeAllowed || manifest.registered(Sha256.hex(query))) {
                return TrustDecision.run(request);
            }
            return TrustDecision.refuse(REQUIRED, mode == TrustedDocumentsMode.ALL
                    ? "this gateway runs registered operations only: send extensions.persistedQuery"
                    : "anonymous callers may run registered operations only: send extensions.persistedQuery, "
                    + "or sign in");
        }
        String hash = hashOf(extension);
        if (hash == null) {
            return TrustDecision.refuse(INVALID,
                    "extensions.persistedQuery must be {\"version\": 1, \"sha256Hash\": <64 hex digits>}");
        }
        if (query == null) {
            String body = manifest.body(hash);
            return body == null ? TrustDecision.refuse(NOT_FOUND, NOT_FOUND_MESSAGE)
                    : TrustDecision.run(new GraphQLRequest(body, request.operationName(), request.variables(),
                    request.extensions()));
        }
        if (!Sha256.hex(query).equals(hash)) {
            return TrustDecision.refuse(HASH_MISMATCH, "extensions.persistedQuery.sha256Hash is not the SHA-256 "
                    + "of the query");
        }
        return freeAllowed || manifest.registered(hash) ? TrustDecision.run(request)
                : TrustDecision.refuse(NOT_FOUND, NOT_FOUND_MESSAGE);
    }

    /** The lower-case hash of a well-formed {@code persistedQuery} extension, else null. */
    private static String hashOf(Object extension) {
        if (!(extension instanceof Map<?, ?> pq) || !(pq.get("version") instanceof Number version)
                || version.intValue() != 1 || version.doubleValue() != 1
                || !(pq.get("sha256Hash") instanceof String hash) || !Sha256.isHash(hash)) {
            return null;
        }
        return hash.toLowerCase(Locale.ROOT);
    }
}
