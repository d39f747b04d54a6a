package org.epicontrol.notice.risk;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.notice.access.NoticeAccess;
import org.epicontrol.notice.access.NoticeVisibility;
import org.epicontrol.notice.area.Area;
import org.epicontrol.common.DomainException;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.common.PageRequest;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeQueries;

import java.time.LocalDate;
import java.util.List;

@GraphQLApi
public class RiskGraphQLApi {

    private static final int MAX_ADDRESS = 300;

    private final RiskQueries risk;
    private final RiskMapQueries map;
    private final NoticeQueries notices;
    private final PageRequest pages;
    private final NoticeConfig config;
    private final NoticeAccess access;

    public RiskGraphQLApi(RiskQueries risk, RiskMapQueries map, NoticeQueries notices, PageRequest pages,
                          NoticeConfig config, NoticeAccess access) {
        this.risk = risk;
        this.map = map;
        this.notices = notices;
        this.pages = pages;
        this.config = config;
        this.access = access;
    }

    @Query("riskLevel")
    @Description("The risk level of an address at a date (today by default) and the notice that decided it")
    public Uni<RiskAssessment> riskLevel(@NonNull String address, LocalDate asOf) {
        String trimmed = address.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_ADDRESS) {
            throw new DomainException("INVALID_ADDRESS", "address must have 1 to " + MAX_ADDRESS + " characters");
        }
        return risk.assess(trimmed, asOf == null ? today() : asOf);
    }

    @Query("riskAreas")
    @Description("Designated areas with the level in force at the date, by area id")
    public Uni<RiskAreaConnection> riskAreas(LocalDate asOf, String district,
                                             @Description("A level code, e.g. HIGH") String level,
                                             Integer first, String after) {
        return map.riskAreas(asOf == null ? today() : asOf, district, level, pages.size(first), after);
    }

    @Query("riskCounts")
    @Description("Number of designated areas per district and level in force at the date")
    public Uni<List<DistrictLevelCount>> riskCounts(LocalDate asOf) {
        return map.countsByDistrict(asOf == null ? today() : asOf);
    }

    @Query("riskTrend")
    @Description("riskCounts for every day from from to to (inclusive, at most 92 days), per district (or the one"
            + " given) and level, ordered by date, district, level; a day, district or level without areas is left out")
    @NonNull
    public Uni<List<@NonNull DailyRiskCount>> riskTrend(@NonNull LocalDate from, @NonNull LocalDate to, String district) {
        return map.trend(new TrendWindow(from, to), district);
    }

    @Description("Every designation that set this area's level, oldest first")
    public Uni<List<LevelChange>> levelHistory(@Source Area area) {
        return risk.history(area, today());
    }

    // The risk map reads notices in force only, never drafts; filtered all the same, deny by default.
    public Uni<List<Notice>> notice(@Source List<RiskArea> areas) {
        NoticeVisibility visibility = access.visibility();
        return notices.byIds(areas.stream().map(RiskArea::noticeId).toList()).map(visibility::filterAll);
    }

    @Name("notice")
    public Uni<List<Notice>> changeNotice(@Source List<LevelChange> changes) {
        NoticeVisibility visibility = access.visibility();
        return notices.byIds(changes.stream().map(LevelChange::noticeId).toList()).map(visibility::filterAll);
    }

    private LocalDate today() {
        return LocalDate.now(config.zone());
    }
}
