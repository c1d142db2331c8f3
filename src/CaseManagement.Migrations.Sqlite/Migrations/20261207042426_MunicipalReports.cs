using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MunicipalReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MunicipalReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CasesAndHelp = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    NetworkAndNeeds = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Trainings = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SteeringMeasures = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Outlook = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RowVersion = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MunicipalReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MunicipalReports_Year",
                table: "MunicipalReports",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MunicipalReports");
        }
    }
}
