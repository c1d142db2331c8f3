using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId",
                table: "PlanGoals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_EndedOn",
                table: "Episodes",
                column: "EndedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Id",
                table: "Clients",
                column: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanGoals_PlanId",
                table: "PlanGoals");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_EndedOn",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Id",
                table: "Clients");
        }
    }
}
