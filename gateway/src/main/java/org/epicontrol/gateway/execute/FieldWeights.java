package org.epicontrol.gateway.execute;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLImplementingType;

/**
 * The weight of one value of a field (demand control's weights), so that the response is costed while it is shaped
 * instead of walked a second time. {@link #NONE}: nothing is costed.
 */
@FunctionalInterface
public interface FieldWeights {
    FieldWeights NONE = (parent, field) -> 0;

    double of(GraphQLImplementingType parent, GraphQLFieldDefinition field);
}
