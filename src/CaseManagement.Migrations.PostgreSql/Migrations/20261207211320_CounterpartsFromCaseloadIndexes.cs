using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CounterpartsFromCaseloadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_ResponsibleCaseManagerId_CaseNumber",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_ResponsibleDrugHelpWorkerId_CaseNumber",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ResponsibleCaseManagerId_CaseNumber",
                table: "Clients",
                columns: new[] { "ResponsibleCaseManagerId", "CaseNumber" })
                .Annotation("Npgsql:IndexInclude", new[] { "ResponsibleDrugHelpWorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ResponsibleDrugHelpWorkerId_CaseNumber",
                table: "Clients",
                columns: new[] { "ResponsibleDrugHelpWorkerId", "CaseNumber" })
                .Annotation("Npgsql:IndexInclude", new[] { "ResponsibleCaseManagerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_ResponsibleCaseManagerId_CaseNumber",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Clients_ResponsibleDrugHelpWorkerId_CaseNumber",
                table: "Clients");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ResponsibleCaseManagerId_CaseNumber",
                table: "Clients",
                columns: new[] { "ResponsibleCaseManagerId", "CaseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ResponsibleDrugHelpWorkerId_CaseNumber",
                table: "Clients",
                columns: new[] { "ResponsibleDrugHelpWorkerId", "CaseNumber" });
        }
    }
}
