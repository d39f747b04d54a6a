package org.epicontrol.testsupport;

import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.nullValue;

/** Checks that a service refuses an operation with a typed error, and quickly: what a query guard promises. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Sends the operation and asserts that the answer is no data and an error with extensions.code == code, received
     * within quickly. A service that works on instead is abandoned at patience (the test fails then, not hangs).
     */
    public static void refusedQuickly(GraphQLClient client, String query, Map<String, Object> variables, String code,
                                      Duration quickly, Duration patience) {
        refusedQuickly(client, query, variables, Set.of(code), quickly, patience);
    }

    /**
     * As above, refused by any one of codes: a shape that is both deep and expensive (a recursion) is refused by
     * whichever limit the guard measures first, and either refusal keeps it out.
     */
    public static void refusedQuickly(GraphQLClient client, String query, Map<String, Object> variables,
                                      Set<String> codes, Duration quickly, Duration patience) {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<ValidatableResponse> answer = sender.submit(() -> client.post(query, variables));
            ValidatableResponse response = answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            response.body("data", nullValue()).body("errors[0].extensions.code", in(codes));
            if (millis > quickly.toMillis()) {
                throw new AssertionError(codes + " took " + millis + " ms, more than " + quickly.toMillis() + " ms");
            }
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + patience.toSeconds() + " s: the operation was not refused");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
        } finally {
            sender.shutdownNow();
        }
    }
}
