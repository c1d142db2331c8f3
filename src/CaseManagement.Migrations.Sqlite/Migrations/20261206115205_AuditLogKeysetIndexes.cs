using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_OccurredAt_Id",
                table: "AuditEntries",
                columns: new[] { "Action", "OccurredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CaseNumber_Id",
                table: "AuditEntries",
                columns: new[] { "CaseNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt_Id",
                table: "AuditEntries",
                columns: new[] { "OccurredAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Action_OccurredAt_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_CaseNumber_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_OccurredAt_Id",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries",
                column: "OccurredAt");
        }
    }
}
