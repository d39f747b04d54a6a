package org.epicontrol.e2e.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessPolicyTest {

    private static final Schema SCHEMA = new SchemaFixture()
            .type("Query", "area:Area", "volunteer:Volunteer")
            .type("Area", "id:ID!", "name:String", "volunteers:[Volunteer]")
            .type("Volunteer", "id:ID!", "name:String", "phone:String")
            .type("Mutation", "createThing:Thing")
            .type("Thing", "id:ID!")
            .schema();

    @Test
    void aTableThatCoversEveryTypeAndFieldLeavesNothingMissing() {
        AccessPolicy policy = AccessPolicy.parse("""
                Query\tpublic\tarea volunteer
                Area\tpublic\tid name volunteers
                Volunteer\tscoped:community-admin\tid name
                Volunteer.phone\tscoped:community-admin
                """);
        assertEquals(List.of(), policy.missingRules(SCHEMA));
    }

    @Test
    void aFieldAddedToTheSchemaFailsUntilTheTableCoversIt() {
        Schema grown = new SchemaFixture()
                .type("Query", "area:Area")
                .type("Area", "id:ID!", "name:String", "residents:[Resident]", "notes:String")
                .type("Resident", "id:ID!")
                .schema();
        AccessPolicy policy = AccessPolicy.parse("Query\tpublic\tarea\nArea\tpublic\tid name\n");
        assertEquals(List.of("field Area.residents has no rule", "field Area.notes has no rule",
                "type Resident has no rule (fields [id])"), policy.missingRules(grown));
    }

    @Test
    void typesOnlyMutationsReturnNeedNoRule() {
        AccessPolicy policy = AccessPolicy.parse("""
                Query\tpublic\tarea volunteer
                Area\tpublic\tid name volunteers
                Volunteer\tsigned-in\tid name phone
                """);
        assertEquals(List.of(), policy.missingRules(SCHEMA), "Thing is reachable from Mutation only");
    }

    @Test
    void anUnknownRuleIsRefusedWhenTheTableIsRead() {
        assertThrows(IllegalArgumentException.class, () -> AccessPolicy.parse("Area\teveryone\tid\n"));
        assertThrows(IllegalArgumentException.class, () -> AccessPolicy.parse("Area\troles:\tid\n"));
        assertThrows(IllegalArgumentException.class, () -> AccessPolicy.parse("Area\tdrafts:self\tid\n"));
    }
}
