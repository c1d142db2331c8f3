using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportRecordKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_EndedOn",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_Start",
                table: "Appointments");

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "PlanGoals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Episodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Clients",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReportKey",
                table: "Appointments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Record keys of the steering report's cell-key method: 32 random bits of a version-4 UUID (drawn by pg_strong_random) for every existing row;
            // new rows get theirs from ReportKeys.New() when they are created.
            migrationBuilder.Sql("UPDATE \"Clients\" SET \"ReportKey\" = ('x' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::integer;");
            migrationBuilder.Sql("UPDATE \"Episodes\" SET \"ReportKey\" = ('x' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::integer;");
            migrationBuilder.Sql("UPDATE \"PlanGoals\" SET \"ReportKey\" = ('x' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::integer;");
            migrationBuilder.Sql("UPDATE \"Appointments\" SET \"ReportKey\" = ('x' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::integer;");
            migrationBuilder.Sql("UPDATE \"Referrals\" SET \"ReportKey\" = ('x' || substr(gen_random_uuid()::text, 1, 8))::bit(32)::integer;");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals",
                columns: new[] { "PlanId", "Position" })
                .Annotation("Npgsql:IndexInclude", new[] { "Area", "Progress", "ReportKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_EndedOn",
                table: "Episodes",
                column: "EndedOn")
                .Annotation("Npgsql:IndexInclude", new[] { "ClosureReason", "ClientId", "ReportKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_Id",
                table: "Clients",
                column: "Id")
                .Annotation("Npgsql:IndexInclude", new[] { "BirthDate", "Gender", "ReportKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Start",
                table: "Appointments",
                column: "Start")
                .Annotation("Npgsql:IndexInclude", new[] { "Type", "Outcome", "ClientId", "ReportKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals");

            migrationBuilder.DropIndex(
                name: "IX_Episodes_EndedOn",
                table: "Episodes");

            migrationBuilder.DropIndex(
                name: "IX_Clients_Id",
                table: "Clients");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_Start",
                table: "Appointments");

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

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId_Position",
                table: "PlanGoals",
                columns: new[] { "PlanId", "Position" })
                .Annotation("Npgsql:IndexInclude", new[] { "Area", "Progress" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Start",
                table: "Appointments",
                column: "Start")
                .Annotation("Npgsql:IndexInclude", new[] { "Type", "Outcome", "ClientId" });
        }
    }
}
