package org.epicontrol.gateway.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A real Federation subgraph over HTTP for tests: a Vert.x server executing a subgraph SDL with graphql-java,
 * including {@code _entities} and, when given one, {@code _service { sdl }} (replaceable with a PUT of the new SDL).
 * It counts requests, keeps their bodies and headers, and can be made slow.
 */
public final class TestSubgraph implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String FEDERATION = """
            scalar _Any
            scalar FieldSet
            directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
            directive @external on FIELD_DEFINITION | OBJECT
            directive @requires(fields: FieldSet!) on FIELD_DEFINITION
            directive @provides(fields: FieldSet!) on FIELD_DEFINITION
            directive @shareable repeatable on OBJECT | FIELD_DEFINITION
            directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
            """;

    private final String name;
    private final GraphQL graphQL;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> serviceSdl;
    private final List<Map<String, Object>> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, String>> headers = Collections.synchronizedList(new ArrayList<>());
    private volatile long delayMillis;
    /** While set and not complete, answers wait for it ({@link #hold()}, {@link #release()}). */
    private volatile CompletableFuture<Void> gate;
    private HttpServer server;

    private TestSubgraph(String name, GraphQL graphQL, AtomicReference<String> serviceSdl) {
        this.name = name;
        this.graphQL = graphQL;
        this.serviceSdl = serviceSdl;
    }

    public static Builder builder(String name, String sdl) {
        return new Builder(name, sdl);
    }

    public static final class Builder {
        private final String name;
        private final String sdl;
        private final Map<String, Map<String, DataFetcher<?>>> fetchers = new HashMap<>();
        private final Map<String, Function<Map<String, Object>, Map<String, Object>>> entities = new HashMap<>();
        private final AtomicReference<String> serviceSdl = new AtomicReference<>();

        private Builder(String name, String sdl) {
            this.name = name;
            this.sdl = sdl;
        }

        public Builder field(String type, String field, DataFetcher<?> fetcher) {
            fetchers.computeIfAbsent(type, t -> new HashMap<>()).put(field, fetcher);
            return this;
        }

        /** Resolves representations of {@code type}; the answer gets its {@code __typename} added. */
        public Builder entity(String type, Function<Map<String, Object>, Map<String, Object>> resolver) {
            entities.put(type, resolver);
            return this;
        }

        /** The SDL {@code _service { sdl }} answers (what composition reads). */
        public Builder serviceSdl(String served) {
            serviceSdl.set(served);
            return this;
        }

        public TestSubgraph start(Vertx vertx) {
            String full = FEDERATION + sdl;
            if (!entities.isEmpty()) {
                full += "\nunion _Entity = " + String.join(" | ", entities.keySet())
                        + "\nextend type Query { _entities(representations: [_Any!]!): [_Entity]! }\n";
            }
            if (serviceSdl.get() != null) {
                full += "\ntype _Service { sdl: String }\nextend type Query { _service: _Service! }\n";
                field("Query", "_service", env -> Map.of("sdl", serviceSdl.get()));
            }
            TypeDefinitionRegistry registry = new SchemaParser().parse(full);
            field("Query", "_entities", env -> {
                List<Map<String, Object>> reps = env.getArgument("representations");
                List<Object> out = new ArrayList<>();
                for (Map<String, Object> rep : reps) {
                    String type = (String) rep.get("__typename");
                    Map<String, Object> found = entities.get(type).apply(rep);
                    if (found != null) {
                        found = new LinkedHashMap<>(found);
                        found.put("__typename", type);
                    }
                    out.add(found);
                }
                return out;
            });
            TypeResolver byTypename = env -> env.getSchema().getObjectType(
                    (String) ((Map<?, ?>) env.getObject()).get("__typename"));
            RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                    .scalar(passThrough("_Any"))
                    .scalar(passThrough("FieldSet"))
                    .wiringFactory(new WiringFactory() {
                        @Override
                        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
                            return true;
                        }

                        @Override
                        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
                            return byTypename;
                        }

                        @Override
                        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
                            return true;
                        }

                        @Override
                        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
                            return byTypename;
                        }

                        @Override
                        public boolean providesDataFetcher(FieldWiringEnvironment environment) {
                            var type = environment.getParentType().getName();
                            return fetchers.containsKey(type)
                                    && fetchers.get(type).containsKey(environment.getFieldDefinition().getName());
                        }

                        @Override
                        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
                            return fetchers.get(environment.getParentType().getName())
                                    .get(environment.getFieldDefinition().getName());
                        }
                    })
                    .build();
            GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, wiring);
            TestSubgraph subgraph = new TestSubgraph(name, GraphQL.newGraphQL(schema).build(), serviceSdl);
            subgraph.listen(vertx);
            return subgraph;
        }
    }

    private void listen(Vertx vertx) {
        try {
            server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(buf -> {
                if (req.method() == HttpMethod.GET) {
                    // Statistics for tests that run in another class loader (Quarkus tests).
                    try {
                        Map<String, Object> stats = new LinkedHashMap<>();
                        stats.put("requests", requests.get());
                        stats.put("headers", headers.isEmpty() ? Map.of() : headers.get(headers.size() - 1));
                        req.response().putHeader("content-type", "application/json")
                                .end(Buffer.buffer(JSON.writeValueAsBytes(stats)));
                    } catch (Exception e) {
                        req.response().setStatusCode(500).end();
                    }
                    return;
                }
                if (req.method() == HttpMethod.PUT) {
                    serviceSdl.set(buf.toString());
                    req.response().setStatusCode(204).end();
                    return;
                }
                requests.incrementAndGet();
                Map<String, String> h = new HashMap<>();
                req.headers().forEach(e -> h.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
                headers.add(h);
                Map<String, Object> body;
                try {
                    body = JSON.readValue(buf.getBytes(), MAP);
                } catch (Exception e) {
                    req.response().setStatusCode(400).end();
                    return;
                }
                bodies.add(body);
                @SuppressWarnings("unchecked")
                Map<String, Object> variables = body.get("variables") == null ? Map.of()
                        : (Map<String, Object>) body.get("variables");
                Map<String, Object> result = graphQL.execute(ExecutionInput.newExecutionInput()
                        .query((String) body.get("query"))
                        .operationName((String) body.get("operationName"))
                        .variables(variables)
                        .build()).toSpecification();
                Runnable answer = () -> {
                    try {
                        req.response().putHeader("content-type", "application/json")
                                .end(Buffer.buffer(JSON.writeValueAsBytes(result)));
                    } catch (Exception e) {
                        req.response().setStatusCode(500).end();
                    }
                };
                CompletableFuture<Void> held = gate;
                if (held != null && !held.isDone()) {
                    Context context = vertx.getOrCreateContext();
                    held.thenRun(() -> context.runOnContext(v -> answer.run()));
                } else if (delayMillis > 0) {
                    vertx.setTimer(delayMillis, id -> answer.run());
                } else {
                    answer.run();
                }
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("subgraph " + name + " did not start", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/graphql";
    }

    public int requests() {
        return requests.get();
    }

    public List<Map<String, Object>> bodies() {
        return List.copyOf(bodies);
    }

    public List<Map<String, String>> headers() {
        return List.copyOf(headers);
    }

    /** Holds every answer (the request is received and executed) until {@link #release()}. */
    public void hold() {
        gate = new CompletableFuture<>();
    }

    /** Sends the held answers; later ones are answered at once again. */
    public void release() {
        CompletableFuture<Void> held = gate;
        if (held != null) {
            held.complete(null);
        }
    }

    public void reset() {
        release();
        requests.set(0);
        bodies.clear();
        headers.clear();
        delayMillis = 0;
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    private static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
                return dataFetcherResult;
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return input;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                       Locale locale) {
                return input;
            }
        }).build();
    }

}
