using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals");

            migrationBuilder.DropIndex(
                name: "IX_HelpPlans_ClientId_Version",
                table: "HelpPlans");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_ClientId_StartedOn",
                table: "Episodes");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals",
                columns: new[] { "PlanId", "Position" })
                .Annotation("Npgsql:IndexInclude", new[] { "Area", "Progress" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpPlans_ClientId_Version",
                table: "HelpPlans",
                columns: new[] { "ClientId", "Version" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "CreatedAt", "AgreedOn", "ClosedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ClientId_StartedOn",
                table: "Episodes",
                columns: new[] { "ClientId", "StartedOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_EndedOn",
                table: "Episodes",
                column: "EndedOn")
                .Annotation("Npgsql:IndexInclude", new[] { "ClosureReason", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Id",
                table: "Clients",
                column: "Id")
                .Annotation("Npgsql:IndexInclude", new[] { "BirthDate", "Gender" });

            // The steering report's referrals of a period by partner type, client and the dates of their
            // steps, from the index alone. Written by hand: its columns mix the referral's own and those
            // of its owned Progress, which EF cannot put in one index (see ReferralConfiguration).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Referrals_ProposedOn_Report" ON "Referrals" ("ProposedOn")
                INCLUDE ("ClientId", "PartnerType", "RequestedOn", "AppointmentAgreedOn", "AdmittedOn", "CompletedOn", "DeclinedOn", "DroppedOutOn")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Referrals_ProposedOn_Report\"");

            migrationBuilder.DropIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals");

            migrationBuilder.DropIndex(
                name: "IX_HelpPlans_ClientId_Version",
                table: "HelpPlans");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_ClientId_StartedOn",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_EndedOn",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Id",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals",
                columns: new[] { "PlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpPlans_ClientId_Version",
                table: "HelpPlans",
                columns: new[] { "ClientId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ClientId_StartedOn",
                table: "Episodes",
                columns: new[] { "ClientId", "StartedOn" });
        }
    }
}
