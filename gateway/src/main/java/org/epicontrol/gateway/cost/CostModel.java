package org.epicontrol.gateway.cost;

import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import java.util.List;
import org.epicontrol.gateway.supergraph.CostDirectives;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.TypeMeta;

/**
 * Weights and list sizes of one supergraph: configuration first, then the supergraph's {@code @cost}/{@code @listSize},
 * then the defaults (composite values {@code objectWeight}, scalars and enums {@code leafWeight}).
 */
public final class CostModel {
    private final Supergraph supergraph;
    private final CostSettings settings;

    public CostModel(Supergraph supergraph, CostSettings settings) {
        this.supergraph = supergraph;
        this.settings = settings;
    }

    /** How a field's list size is found; null for a field that is no list and sizes no child. */
    public record Sizing(List<String> slicingArguments, double assumedSize, List<String> sizedFields) {
    }

    public double typeWeight(GraphQLNamedType type) {
        String name = type.getName();
        if (name.startsWith("__")) {
            return 0; // introspection is answered by the gateway from the schema, never by a subgraph
        }
        Double configured = settings.typeWeights().get(name);
        if (configured != null) {
            return configured;
        }
        TypeMeta meta = supergraph.type(name);
        if (meta != null && meta.cost().weight() != null) {
            return meta.cost().weight();
        }
        return type instanceof GraphQLCompositeType ? settings.objectWeight() : settings.leafWeight();
    }

    /** The weight of one value of the field: its own weight when configured or {@code @cost}, else its type's. */
    public double fieldWeight(String parentType, String field, GraphQLNamedType resultType) {
        Double configured = settings.fieldWeights().get(parentType + "." + field);
        if (configured != null) {
            return configured;
        }
        Integer directive = directives(parentType, field).weight();
        return directive != null ? directive : typeWeight(resultType);
    }

    public Sizing sizing(String parentType, GraphQLFieldDefinition field, boolean list) {
        CostDirectives d = directives(parentType, field.getName());
        List<String> slicing = !d.slicingArguments().isEmpty() ? d.slicingArguments()
                : settings.slicingArguments().stream().filter(a -> field.getArgument(a) != null).toList();
        List<String> sized = !d.sizedFields().isEmpty() ? d.sizedFields()
                : !list && !slicing.isEmpty() ? settings.sizedFields() : List.of();
        if (!list && sized.isEmpty()) {
            return null;
        }
        Integer configured = settings.listSizes().get(parentType + "." + field.getName());
        double assumed = configured != null ? configured
                : d.assumedSize() != null ? d.assumedSize() : settings.defaultListSize();
        return new Sizing(slicing, assumed, sized);
    }

    public double mutationWeight() {
        return settings.mutationWeight();
    }

    private CostDirectives directives(String parentType, String field) {
        TypeMeta meta = supergraph.type(parentType);
        return meta == null ? CostDirectives.NONE : meta.fieldCost(field);
    }
}
