using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
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
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwningOrganisation = table.Column<int>(type: "integer", nullable: false),
                    CaseManagerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DrugHelpWorkerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OpenEpisodes = table.Column<int>(type: "integer", nullable: false),
                    DraftPlans = table.Column<int>(type: "integer", nullable: false)
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
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    HolderOrganisation = table.Column<int>(type: "integer", nullable: true),
                    OwningOrganisation = table.Column<int>(type: "integer", nullable: false),
                    CaseManagerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DrugHelpWorkerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                columns: new[] { "Organisation", "Start" })
                .Annotation("Npgsql:IndexInclude", new[] { "StaffId", "AppointmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientWorkloads_CaseManagerId",
                table: "ClientWorkloads",
                column: "CaseManagerId")
                .Annotation("Npgsql:IndexInclude", new[] { "ClientId", "OwningOrganisation", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientWorkloads_DrugHelpWorkerId",
                table: "ClientWorkloads",
                column: "DrugHelpWorkerId")
                .Annotation("Npgsql:IndexInclude", new[] { "ClientId", "OwningOrganisation", "CaseManagerId", "OpenEpisodes", "DraftPlans" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_CaseManagerId_Kind_On",
                table: "WorkloadDeadlines",
                columns: new[] { "CaseManagerId", "Kind", "On" })
                .Annotation("Npgsql:IndexInclude", new[] { "ClientId", "OwningOrganisation", "HolderOrganisation" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_ClientId",
                table: "WorkloadDeadlines",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_DrugHelpWorkerId_Kind_On",
                table: "WorkloadDeadlines",
                columns: new[] { "DrugHelpWorkerId", "Kind", "On" })
                .Annotation("Npgsql:IndexInclude", new[] { "ClientId", "OwningOrganisation", "HolderOrganisation" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadDeadlines_Kind_On",
                table: "WorkloadDeadlines",
                columns: new[] { "Kind", "On" })
                .Annotation("Npgsql:IndexInclude", new[] { "CaseManagerId", "DrugHelpWorkerId", "ClientId", "OwningOrganisation", "HolderOrganisation" });

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

            // Recomputes one client's rows from the views, in the transaction of the change that
            // touched it: delete and copy again, never +1/-1, so the rows cannot drift. PL/pgSQL, not
            // SQL: its statements are planned once per session (planning the views takes longer than
            // running them for one client).
            migrationBuilder.Sql("""
                CREATE FUNCTION workload_refresh(client uuid) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    -- One refresh of a client at a time: a second transaction changing the same client
                    -- waits here until the first commits, then sees its rows (without this its DELETE
                    -- would miss them and its INSERT collide with them). Compatible with the key-share
                    -- locks that foreign keys take.
                    PERFORM 1 FROM "Clients" WHERE "Id" = client FOR NO KEY UPDATE;
                    DELETE FROM "ClientWorkloads" WHERE "ClientId" = client;
                    DELETE FROM "WorkloadDeadlines" WHERE "ClientId" = client;
                    INSERT INTO "ClientWorkloads" ("ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans")
                    SELECT "ClientId", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId", "OpenEpisodes", "DraftPlans"
                    FROM "ClientWorkloadSource" WHERE "ClientId" = client;
                    INSERT INTO "WorkloadDeadlines" ("ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId")
                    SELECT "ItemId", "Kind", "ClientId", "On", "HolderOrganisation", "OwningOrganisation", "CaseManagerId", "DrugHelpWorkerId"
                    FROM "WorkloadDeadlineSource" WHERE "ClientId" = client;
                END;
                $$;
                """);
            // Rows with a "ClientId": the client before and, if it moved (a merge), after.
            migrationBuilder.Sql("""
                CREATE FUNCTION workload_on_client_row() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        PERFORM workload_refresh(NEW."ClientId");
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM workload_refresh(OLD."ClientId");
                    ELSE
                        PERFORM workload_refresh(OLD."ClientId");
                        IF NEW."ClientId" IS DISTINCT FROM OLD."ClientId" THEN
                            PERFORM workload_refresh(NEW."ClientId");
                        END IF;
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION workload_on_client() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM workload_refresh(NEW."Id");
                    RETURN NULL;
                END;
                $$;
                """);
            // Goals and steps reach their client through the plan; a plan or goal deleted with them
            // is handled by its own trigger (its steps no longer join once it is gone).
            migrationBuilder.Sql("""
                CREATE FUNCTION workload_on_goal() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM workload_refresh(p."ClientId") FROM "HelpPlans" p WHERE p."Id" = OLD."PlanId";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM workload_refresh(p."ClientId") FROM "HelpPlans" p WHERE p."Id" = NEW."PlanId";
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION workload_on_step() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM workload_refresh(p."ClientId") FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = OLD."GoalId";
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."GoalId" IS DISTINCT FROM OLD."GoalId") THEN
                        PERFORM workload_refresh(p."ClientId") FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = NEW."GoalId";
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER workload_clients AFTER UPDATE OF "OwningOrganisation", "ResponsibleCaseManagerId", "ResponsibleDrugHelpWorkerId" ON "Clients"
                    FOR EACH ROW EXECUTE FUNCTION workload_on_client();
                CREATE TRIGGER workload_episodes AFTER INSERT OR DELETE OR UPDATE OF "EndedOn", "ClientId" ON "Episodes"
                    FOR EACH ROW EXECUTE FUNCTION workload_on_client_row();
                CREATE TRIGGER workload_help_plans AFTER INSERT OR DELETE OR UPDATE OF "Status", "NextReviewOn", "ClientId" ON "HelpPlans"
                    FOR EACH ROW EXECUTE FUNCTION workload_on_client_row();
                CREATE TRIGGER workload_referrals AFTER INSERT OR DELETE OR UPDATE OF "Status", "RequestedOn", "HolderOrganisation", "ClientId" ON "Referrals"
                    FOR EACH ROW EXECUTE FUNCTION workload_on_client_row();
                CREATE TRIGGER workload_plan_goals AFTER DELETE OR UPDATE OF "PlanId" ON "PlanGoals"
                    FOR EACH ROW EXECUTE FUNCTION workload_on_goal();
                CREATE TRIGGER workload_plan_steps AFTER INSERT OR DELETE OR UPDATE OF "Status", "DueOn", "GoalId" ON "PlanSteps"
                    FOR EACH ROW EXECUTE FUNCTION workload_on_step();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS workload_plan_steps ON "PlanSteps";
                DROP TRIGGER IF EXISTS workload_plan_goals ON "PlanGoals";
                DROP TRIGGER IF EXISTS workload_referrals ON "Referrals";
                DROP TRIGGER IF EXISTS workload_help_plans ON "HelpPlans";
                DROP TRIGGER IF EXISTS workload_episodes ON "Episodes";
                DROP TRIGGER IF EXISTS workload_clients ON "Clients";
                DROP FUNCTION IF EXISTS workload_on_step();
                DROP FUNCTION IF EXISTS workload_on_goal();
                DROP FUNCTION IF EXISTS workload_on_client();
                DROP FUNCTION IF EXISTS workload_on_client_row();
                DROP FUNCTION IF EXISTS workload_refresh(uuid);
                DROP VIEW IF EXISTS "WorkloadDeadlineSource";
                DROP VIEW IF EXISTS "ClientWorkloadSource";
                """);
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
