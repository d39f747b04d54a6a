package org.epicontrol.common.guard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/**
 * Limits every operation a service accepts, checked before graphql-java validates it (QueryGuard). Each service sets
 * them in its application.properties, per environment; see the service's README.
 */
@ConfigMapping(prefix = "query-guard")
public interface QueryGuardConfig {

    /** Off only to measure what the guard prevents; never in an environment others can reach. */
    @WithDefault("true")
    boolean enabled();

    /** Deepest field nesting, counted through fragments (a root field is depth 1). */
    int maxDepth();

    /** Largest estimated cost: each field costs 1, and a list field multiplies what it selects by its size. */
    long maxCost();

    /**
     * Assumed size of a list whose size no argument gives (a notice's designations, an entity's lists). A list field
     * with a slicing argument counts the argument's value; a list argument (_entities' representations) its length.
     */
    @WithDefault("10")
    int defaultListSize();

    /**
     * Assumed sizes of particular lists, by "Type.field" (e.g. "Notice.designations" = 100: a notice lists up to
     * about 80 items), where the default would underrate what a recursion through them costs.
     */
    Map<String, Integer> listSize();

    /** Arguments that give a list's size, on the list field or on the connection above its sized fields. */
    @WithDefault("first,last")
    List<String> slicingArguments();

    /** The list fields of a connection that its slicing argument sizes. */
    @WithDefault("edges,nodes")
    List<String> sizedFields();
}
