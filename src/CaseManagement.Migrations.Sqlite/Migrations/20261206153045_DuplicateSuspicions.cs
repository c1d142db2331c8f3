using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateSuspicions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DuplicateSuspicions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EarlierClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JobcenterVerdict = table.Column<int>(type: "INTEGER", nullable: true),
                    JobcenterDecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DrugHelpVerdict = table.Column<int>(type: "INTEGER", nullable: true),
                    DrugHelpDecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Resolution = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateSuspicions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateSuspicions_EarlierClientId",
                table: "DuplicateSuspicions",
                column: "EarlierClientId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateSuspicions_NewClientId",
                table: "DuplicateSuspicions",
                column: "NewClientId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateSuspicions_ResolvedAt_RaisedAt",
                table: "DuplicateSuspicions",
                columns: new[] { "ResolvedAt", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateSuspicions");
        }
    }
}
