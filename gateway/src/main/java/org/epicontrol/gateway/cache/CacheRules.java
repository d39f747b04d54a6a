package org.epicontrol.gateway.cache;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operations are public and for how long, as data: the root query fields named in
 * {@code gateway.cache-control.public-fields} with their max-age. An operation is cacheable only when every root field
 * it selects (through fragments, whatever {@code @skip}/{@code @include} say) is listed; its max-age is the least of
 * theirs and of the overall cap. A listed root field vouches for everything under it: its whole answer is the same for
 * every anonymous caller. {@code __typename} is neutral; anything else ({@code __schema}, an unlisted field, a
 * mutation) makes the operation uncacheable.
 */
public final class CacheRules {
    /** Not cacheable. */
    public static final long NONE = -1;

    private final Map<String, Duration> publicFields;
    private final long capSeconds;

    public CacheRules(Map<String, Duration> publicFields, Duration cap) {
        this.publicFields = Map.copyOf(publicFields);
        this.capSeconds = cap.toSeconds();
    }

    /** The max-age in seconds for the operation, or {@link #NONE}. */
    public long maxAgeSeconds(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        if (operation.getOperation() != OperationDefinition.Operation.QUERY || capSeconds <= 0) {
            return NONE;
        }
        long age = least(operation.getSelectionSet(), fragments, new HashSet<>());
        return age == NO_FIELD ? NONE : age; // nothing but __typename: nothing vouches for it
    }

    private static final long NO_FIELD = Long.MAX_VALUE;

    /** The least max-age of the root fields selected here, {@link #NO_FIELD} if none, {@link #NONE} if one is not public. */
    private long least(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen) {
        long least = NO_FIELD;
        for (Selection<?> s : set == null ? List.<Selection<?>>of() : set.getSelections()) {
            long a;
            if (s instanceof Field f) {
                a = f.getName().equals("__typename") ? NO_FIELD : fieldAge(f.getName());
            } else if (s instanceof InlineFragment i) {
                a = least(i.getSelectionSet(), fragments, seen);
            } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                // a spread seen before adds nothing (and a cycle is refused by validation before any answer exists)
                a = seen.add(spread.getName()) ? least(fragments.get(spread.getName()).getSelectionSet(), fragments,
                        seen) : NO_FIELD;
            } else {
                a = NONE;
            }
            if (a == NONE) {
                return NONE;
            }
            least = Math.min(least, a);
        }
        return least;
    }

    private long fieldAge(String rootField) {
        Duration d = publicFields.get(rootField);
        return d == null || d.toSeconds() <= 0 ? NONE : Math.min(d.toSeconds(), capSeconds);
    }
}
