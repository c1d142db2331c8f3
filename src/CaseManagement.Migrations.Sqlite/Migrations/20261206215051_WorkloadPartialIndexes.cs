using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkloadPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_GoalId_OpenWithDueDate",
                table: "PlanSteps",
                column: "GoalId",
                filter: "\"Status\" IN (1, 2) AND \"DueOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_HelpPlans_ClientId_Drafts",
                table: "HelpPlans",
                column: "ClientId",
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_HelpPlans_ClientId_InForce",
                table: "HelpPlans",
                column: "ClientId",
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ClientId_NotRevoked",
                table: "Consents",
                column: "ClientId",
                filter: "\"RevokedAt\" IS NULL");

            // Referrals waiting at the hand-over (2 = requested, 3 = appointment agreed) per client, for the
            // waiting-referrals figure. Written by hand: the client is the referral's own column and the
            // status and dates are its owned Progress's, which EF cannot put in one index.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Referrals_ClientId_Waiting" ON "Referrals" ("ClientId")
                WHERE "Status" IN (2, 3) AND "RequestedOn" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Referrals_ClientId_Waiting\"");

            migrationBuilder.DropIndex(
                name: "IX_PlanSteps_GoalId_OpenWithDueDate",
                table: "PlanSteps");

            migrationBuilder.DropIndex(
                name: "IX_HelpPlans_ClientId_Drafts",
                table: "HelpPlans");

            migrationBuilder.DropIndex(
                name: "IX_HelpPlans_ClientId_InForce",
                table: "HelpPlans");

            migrationBuilder.DropIndex(
                name: "IX_Consents_ClientId_NotRevoked",
                table: "Consents");
        }
    }
}
