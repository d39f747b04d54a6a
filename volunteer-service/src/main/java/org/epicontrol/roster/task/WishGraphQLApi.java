package org.epicontrol.roster.task;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.household.Household;
import org.epicontrol.roster.household.Households;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;

import java.util.List;

@GraphQLApi
public class WishGraphQLApi {

    private final Wishes wishes;
    private final OrgUnits units;
    private final Volunteers volunteers;
    private final PageRequest pages;
    private final RosterAccess access;
    private final Households households;

    public WishGraphQLApi(Wishes wishes, OrgUnits units, Volunteers volunteers, PageRequest pages, RosterAccess access,
                          Households households) {
        this.households = households;
        this.wishes = wishes;
        this.units = units;
        this.volunteers = volunteers;
        this.pages = pages;
        this.access = access;
    }

    @Mutation("postWish")
    @Description("A resident's 微心愿, posted to their community by its administrators or, on the resident's behalf,"
            + " its grid workers; householdId: the resident's household (of the community)")
    public Uni<Wish> postWish(@Id @NonNull String communityId, @NonNull String household, @NonNull WishKind kind,
                              @NonNull String description, @Id String householdId) {
        return Uni.createFrom().deferred(() -> {
            long community = Ids.parse(communityId);
            Long home = householdId == null ? null : Ids.parse(householdId);
            return access.write("postWish", RosterAccess.FIELD_STAFF, Target.UNIT, community, AccessRules::mayPostWish)
                    .map(permit -> home == null ? permit : permit.and(Target.HOUSEHOLD, home, AccessRules::mayPostWish))
                    .chain(permit -> wishes.post(community, home, household, kind, description, permit));
        });
    }

    @Mutation("claimWish")
    @Description("OPEN → CLAIMED. Exactly one volunteer gets a wish; later claims are refused with ALREADY_CLAIMED."
            + " Only volunteers of a claimant kind (party members) claim; others get NOT_QUALIFIED")
    public Uni<Wish> claimWish(@Id @NonNull String wishId, @Id @NonNull String volunteerId) {
        return Uni.createFrom().deferred(() -> access.actFor("claimWish", Target.WISH, Ids.parse(wishId), Ids.parse(volunteerId))
                .chain(permit -> wishes.claim(Ids.parse(wishId), Ids.parse(volunteerId), permit)));
    }

    @Mutation("fulfilWish")
    @Description("CLAIMED → FULFILLED")
    public Uni<Wish> fulfilWish(@Id @NonNull String wishId) {
        return Uni.createFrom().deferred(() -> access.manageOrOwn("fulfilWish", Target.WISH, Ids.parse(wishId))
                .chain(permit -> wishes.fulfil(Ids.parse(wishId), permit)));
    }

    @Mutation("cancelWish")
    @Description("OPEN or CLAIMED → CANCELLED")
    public Uni<Wish> cancelWish(@Id @NonNull String wishId) {
        return Uni.createFrom().deferred(() -> access.manage("cancelWish", Target.WISH, Ids.parse(wishId))
                .chain(permit -> wishes.cancel(Ids.parse(wishId), permit)));
    }

    @Query("wishes")
    @Description("Wishes of a community, oldest first")
    public Uni<WishConnection> wishes(@Id @NonNull String communityId, WishStatus status, Integer first, String after) {
        return Uni.createFrom().deferred(() -> access.readRoster("wishes", Target.UNIT, Ids.parse(communityId))
                .chain(() -> wishes.ofCommunity(Ids.parse(communityId), status, pages.size(first), after)));
    }

    @NonNull
    public Uni<List<Community>> community(@Source List<Wish> list) {
        return units.byIds(list.stream().map(Wish::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("The household it is for, if it names one (the household's own rule applies)")
    public Uni<List<Household>> householdRecord(@Source List<Wish> list) {
        return households.byIds(list.stream().map(w -> w.householdId() == null ? 0L : w.householdId()).toList())
                .chain(found -> access.visible("Wish.householdRecord", Target.HOUSEHOLD, found, Household::numericId));
    }

    public Uni<List<Volunteer>> claimedBy(@Source List<Wish> list) {
        return volunteers.byIds(list.stream().map(w -> w.claimedById() == null ? 0L : w.claimedById()).toList())
                .chain(found -> access.visible("Wish.claimedBy", Target.VOLUNTEER, found, Volunteer::numericId));
    }
}
