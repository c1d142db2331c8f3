using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TeamAppointmentFiguresFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_Start",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Start",
                table: "Appointments",
                column: "Start")
                .Annotation("Npgsql:IndexInclude", new[] { "Type", "Outcome", "ClientId", "ReportKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Start_NoShow",
                table: "Appointments",
                column: "Start",
                filter: "\"Outcome\" = 2")
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_Start",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_Start_NoShow",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Start",
                table: "Appointments",
                column: "Start")
                .Annotation("Npgsql:IndexInclude", new[] { "Type", "Outcome", "ClientId", "ReportKey" });
        }
    }
}
