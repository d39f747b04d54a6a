package org.epicontrol.gateway.cache;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.epicontrol.gateway.request.BoundedCache;

/**
 * The {@code Cache-Control} of one GET answer: {@code public, max-age=N} for an anonymous caller's error-free answer
 * to an operation {@link CacheRules} call public, N capped at the next day boundary of the zone the subgraphs count
 * effective dates in (a risk level "today" changes there without any publication); {@code private, no-store} for a
 * caller with {@code Authorization}; {@code no-store} for everything else (errors, unlisted fields).
 */
public final class CachePolicy {
    public static final String NO_STORE = "no-store";
    public static final String PRIVATE = "private, no-store";

    private record Key(String query, String operationName) {
    }

    private final CacheRules rules;
    private final ZoneId dayBoundary;
    private final Clock clock;
    private final BoundedCache<Key, Long> ages;

    /**
     * @param dayBoundary the zone whose midnight ends every max-age, or null for none
     * @param cacheSize   operations whose max-age is kept (parsed once each)
     */
    public CachePolicy(CacheRules rules, ZoneId dayBoundary, Clock clock, int cacheSize) {
        this.rules = rules;
        this.dayBoundary = dayBoundary;
        this.clock = clock;
        this.ages = new BoundedCache<>(cacheSize);
    }

    /**
     * @param query      the document that ran (the registered text for a persisted operation)
     * @param authorized the request carried an {@code Authorization} header
     * @param answered   HTTP 200 without errors
     */
    public String cacheControl(String query, String operationName, boolean authorized, boolean answered) {
        if (authorized) {
            return PRIVATE;
        }
        if (!answered || query == null) {
            return NO_STORE;
        }
        long age = ages.get(new Key(query, operationName), k -> maxAge(k.query(), k.operationName()));
        if (age == CacheRules.NONE) {
            return NO_STORE;
        }
        if (dayBoundary != null) {
            age = Math.min(age, secondsToNextDay());
        }
        return "public, max-age=" + age;
    }

    /** Whole seconds until the next midnight in the boundary zone (0 in its last second). */
    long secondsToNextDay() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(dayBoundary));
        ZonedDateTime next = now.toLocalDate().plusDays(1).atStartOfDay(dayBoundary);
        return Duration.between(now, next).toSeconds();
    }

    /** Parsed once per document: it has already passed the gateway's limits and validation (it was answered). */
    private long maxAge(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return CacheRules.NONE;
        }
        OperationDefinition operation = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition o && operation == null
                    && (operationName == null || operationName.equals(o.getName()))) {
                operation = o;
            } else if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        return operation == null ? CacheRules.NONE : rules.maxAgeSeconds(operation, fragments);
    }
}
