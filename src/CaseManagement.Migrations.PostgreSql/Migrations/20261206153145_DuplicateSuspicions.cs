using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NewClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    EarlierClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JobcenterVerdict = table.Column<int>(type: "integer", nullable: true),
                    JobcenterDecidedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DrugHelpVerdict = table.Column<int>(type: "integer", nullable: true),
                    DrugHelpDecidedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Resolution = table.Column<int>(type: "integer", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false)
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
