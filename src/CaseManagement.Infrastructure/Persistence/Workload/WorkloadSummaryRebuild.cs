namespace CaseManagement.Infrastructure.Persistence.Workload;

/// <summary>
/// Recomputes the whole workload summary from its source views, for every client at once: for
/// data written while the summary's triggers were switched off (the benchmark generator, a test
/// that switches one off on purpose). The migration <c>WorkloadSummary</c> fills the tables the
/// same way; it keeps its own copy of the statement, as a migration must not change afterwards.
/// </summary>
public static class WorkloadSummaryRebuild
{
    /// <summary>The statement for PostgreSQL (run it in one transaction with the writes it follows).</summary>
    public const string PostgreSql = """
        DELETE FROM "ClientWorkloads";
        DELETE FROM "WorkloadDeadlines";
        INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
        SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans" FROM "ClientWorkloadSource";
        INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
        SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId" FROM "WorkloadDeadlineSource";
        """;
}
