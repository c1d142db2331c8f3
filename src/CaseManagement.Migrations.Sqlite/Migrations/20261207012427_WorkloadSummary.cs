using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkloadSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientWorkloads",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwningOrganisation = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseManagerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DrugHelpWorkerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OpenEpisodes = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftPlans = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientWorkloads", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_ClientWorkloads_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkloadDeadlines",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HolderOrganisation = table.Column<int>(type: "INTEGER", nullable: true),
                    OwningOrganisation = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseManagerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DrugHelpWorkerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkloadDeadlines", x => new { x.ItemId, x.Kind });
                    table.ForeignKey(
                        name: "FK_WorkloadDeadlines_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentParticipants_Organisation_Start",
                table: "AppointmentParticipants",
                columns: new[] { "Organisation", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientWorkloads_CaseManagerId",
                table: "ClientWorkloads",
                column: "CaseManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientWorkloads_DrugHelpWorkerId",
                table: "ClientWorkloads",
                column: "DrugHelpWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_CaseManagerId_Kind_On",
                table: "WorkloadDeadlines",
                columns: new[] { "CaseManagerId", "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_ClientId",
                table: "WorkloadDeadlines",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_DrugHelpWorkerId_Kind_On",
                table: "WorkloadDeadlines",
                columns: new[] { "DrugHelpWorkerId", "Kind", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_Kind_On",
                table: "WorkloadDeadlines",
                columns: new[] { "Kind", "On" });

            // What the team lead's figures count per client, from the source tables (statuses: plan
            // Draft = 1, Agreed = 2; step Planned = 1, InProgress = 2; referral Requested = 2,
            // AppointmentAgreed = 3). The same text for both providers. The triggers below copy the
            // rows of one client from these views into the tables; the fill copies all of them.
            migrationBuilder.Sql("""
                CREATE VIEW "ClientWorkloadSource" AS
                SELECT w."ClientId", w."OwningOrganisation", w."CaseManagerId", w."DrugHelpWorkerId", w."OpenEpisodes", w."DraftPlans"
                FROM (
                    SELECT c."Id" AS "ClientId", c."OwningOrganisation", c."ResponsibleCaseManagerId" AS "CaseManagerId",
                        c."ResponsibleDrugHelpWorkerId" AS "DrugHelpWorkerId",
                        CAST((SELECT count(*) FROM "Episodes" e WHERE e."ClientId" = c."Id" AND e."EndedOn" IS NULL) AS integer) AS "OpenEpisodes",
                        CAST((SELECT count(*) FROM "HelpPlans" p WHERE p."ClientId" = c."Id" AND p."Status" = 1) AS integer) AS "DraftPlans"
                    FROM "Clients" c) w
                WHERE w."OpenEpisodes" > 0 OR w."DraftPlans" > 0;
                """);
            migrationBuilder.Sql("""
                CREATE VIEW "WorkloadDeadlineSource" AS
                SELECT d."ItemId", d."Kind", c."Id" AS "ClientId", d."On", d."HolderOrganisation", c."OwningOrganisation",
                    c."ResponsibleCaseManagerId" AS "CaseManagerId", c."ResponsibleDrugHelpWorkerId" AS "DrugHelpWorkerId"
                FROM "Clients" c
                JOIN (
                    SELECT p."ClientId", p."Id" AS "ItemId", 1 AS "Kind", p."NextReviewOn" AS "On", CAST(NULL AS integer) AS "HolderOrganisation"
                    FROM "HelpPlans" p
                    WHERE p."Status" = 2 AND p."NextReviewOn" IS NOT NULL
                    UNION ALL
                    SELECT p."ClientId", s."Id", 2, s."DueOn", CAST(NULL AS integer)
                    FROM "HelpPlans" p
                    JOIN "PlanGoals" g ON g."PlanId" = p."Id"
                    JOIN "PlanSteps" s ON s."GoalId" = g."Id"
                    WHERE p."Status" = 2 AND s."Status" IN (1, 2) AND s."DueOn" IS NOT NULL
                    UNION ALL
                    SELECT r."ClientId", r."Id", 3, r."RequestedOn", r."HolderOrganisation"
                    FROM "Referrals" r
                    WHERE r."Status" IN (2, 3) AND r."RequestedOn" IS NOT NULL
                ) d ON d."ClientId" = c."Id";
                """);

            // Existing data: every client at once, from the same views.
            migrationBuilder.Sql("""
                INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans" FROM "ClientWorkloadSource";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId" FROM "WorkloadDeadlineSource";
                """);
            // Statistics now, so the first figures after the update are not planned on empty tables.
            migrationBuilder.Sql("ANALYZE \"ClientWorkloads\";");
            migrationBuilder.Sql("ANALYZE \"WorkloadDeadlines\";");

            // SQLite has no functions: each trigger recomputes the client's rows itself, from the
            // views, in the transaction of the change (delete and copy again, never +1/-1).
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_clients AFTER UPDATE OF "OwningOrganisation", "ResponsibleCaseManagerId", "ResponsibleDrugHelpWorkerId" ON "Clients"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = NEW."Id";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = NEW."Id";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = NEW."Id";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = NEW."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_episodes_insert AFTER INSERT ON "Episodes"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = NEW."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = NEW."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_episodes_delete AFTER DELETE ON "Episodes"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = OLD."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_episodes_update AFTER UPDATE OF "EndedOn", "ClientId" ON "Episodes"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = NEW."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = NEW."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_helpplans_insert AFTER INSERT ON "HelpPlans"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = NEW."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = NEW."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_helpplans_delete AFTER DELETE ON "HelpPlans"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = OLD."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_helpplans_update AFTER UPDATE OF "Status", "NextReviewOn", "ClientId" ON "HelpPlans"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = NEW."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = NEW."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_referrals_insert AFTER INSERT ON "Referrals"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = NEW."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = NEW."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_referrals_delete AFTER DELETE ON "Referrals"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = OLD."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_referrals_update AFTER UPDATE OF "Status", "RequestedOn", "HolderOrganisation", "ClientId" ON "Referrals"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = OLD."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = OLD."ClientId";
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = NEW."ClientId";
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = NEW."ClientId";
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = NEW."ClientId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_plangoals_delete AFTER DELETE ON "PlanGoals"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_plangoals_update AFTER UPDATE OF "PlanId" ON "PlanGoals"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId");
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = NEW."PlanId");
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = NEW."PlanId");
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = NEW."PlanId");
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "HelpPlans" p WHERE p."Id" = NEW."PlanId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_plansteps_insert AFTER INSERT ON "PlanSteps"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_plansteps_delete AFTER DELETE ON "PlanSteps"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_plansteps_update AFTER UPDATE OF "Status", "DueOn", "GoalId" ON "PlanSteps"
                BEGIN
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId");
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = (SELECT p."ClientId" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_clients;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_episodes_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_episodes_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_episodes_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_helpplans_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_helpplans_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_helpplans_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_referrals_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_referrals_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_referrals_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_plangoals_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_plangoals_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_plansteps_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_plansteps_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS workload_plansteps_update;");
            migrationBuilder.Sql("DROP VIEW IF EXISTS \"WorkloadDeadlineSource\";");
            migrationBuilder.Sql("DROP VIEW IF EXISTS \"ClientWorkloadSource\";");
            migrationBuilder.DropTable(
                name: "ClientWorkloads");

            migrationBuilder.DropTable(
                name: "WorkloadDeadlines");

            migrationBuilder.DropIndex(
                name: "IX_AppointmentParticipants_Organisation_Start",
                table: "AppointmentParticipants");
        }
    }
}
