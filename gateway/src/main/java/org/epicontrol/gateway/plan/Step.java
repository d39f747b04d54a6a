package org.epicontrol.gateway.plan;

import graphql.language.Directive;
import graphql.language.Field;
import java.util.List;

/** One field on the way from the root to the selection being planned, and the group that fetches it. */
record Step(String parent, Field field, String key, List<Directive> directives, FetchGroup group,
            SelectionTree sub, List<String> path, Provided provided) {
}
