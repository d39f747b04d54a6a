package org.epicontrol.notice.rules;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.access.NoticeAccess;
import org.epicontrol.notice.access.NoticeVisibility;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.level.LevelCatalog;
import org.epicontrol.notice.level.RiskLevel;
import org.epicontrol.notice.notice.Notice;
import org.epicontrol.notice.notice.NoticeQueries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@GraphQLApi
public class RulesGraphQLApi {

    private final DowngradeRules rules;
    private final LevelCatalog levels;
    private final NoticeQueries notices;
    private final NoticeConfig config;
    private final NoticeAccess access;

    public RulesGraphQLApi(DowngradeRules rules, LevelCatalog levels, NoticeQueries notices, NoticeConfig config,
                           NoticeAccess access) {
        this.rules = rules;
        this.levels = levels;
        this.notices = notices;
        this.config = config;
        this.access = access;
    }

    @Query("dueForDowngrade")
    @Description("Designated areas that reached their level's quiet-days rule at the date (today by default)")
    public Uni<List<DowngradeCandidate>> dueForDowngrade(LocalDate asOf, String district) {
        access.mayReadDowngrades();
        return rules.dueAt(asOf == null ? LocalDate.now(config.zone()) : asOf, district);
    }

    @Query("riskLevels")
    @Description("The level vocabulary, strictest first")
    public Uni<List<RiskLevel>> riskLevels() {
        return levels.byCode().map(known -> new ArrayList<>(known.values()));
    }

    @Mutation("reportCases")
    @Description("Records the new infections of an area on a day; a report with 0 keeps the quiet period running")
    public Uni<CaseReport> reportCases(@Id @NonNull String areaId, @NonNull LocalDate date, @NonNull int newCases) {
        Caller reporter = access.mayReportCases();
        return rules.report(Ids.parse(areaId), date, newCases, reporter);
    }

    public Uni<List<Notice>> notice(@Source List<DowngradeCandidate> candidates) {
        NoticeVisibility visibility = access.visibility();
        return notices.byIds(candidates.stream().map(DowngradeCandidate::noticeId).toList()).map(visibility::filterAll);
    }
}
