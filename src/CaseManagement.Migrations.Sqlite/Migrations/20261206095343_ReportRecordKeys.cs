using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportRecordKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Referrals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "PlanGoals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Episodes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Record keys of the steering report's cell-key method: 32 random bits from SQLite's random() for every existing row;
            // new rows get theirs from ReportKeys.New() when they are created.
            migrationBuilder.Sql("UPDATE \"Clients\" SET \"ReportKey\" = random() >> 32;");
            migrationBuilder.Sql("UPDATE \"Episodes\" SET \"ReportKey\" = random() >> 32;");
            migrationBuilder.Sql("UPDATE \"PlanGoals\" SET \"ReportKey\" = random() >> 32;");
            migrationBuilder.Sql("UPDATE \"Appointments\" SET \"ReportKey\" = random() >> 32;");
            migrationBuilder.Sql("UPDATE \"Referrals\" SET \"ReportKey\" = random() >> 32;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "PlanGoals");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Episodes");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "Appointments");
        }
    }
}
