using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Introduction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CasesAndHelp = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    NetworkAndNeeds = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Trainings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SteeringMeasures = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Outlook = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
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
