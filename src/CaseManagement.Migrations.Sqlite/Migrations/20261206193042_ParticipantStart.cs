using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppointmentParticipants_StaffId",
                table: "AppointmentParticipants");

            migrationBuilder.AddColumn<long>(
                name: "Start",
                table: "AppointmentParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Every existing participant takes its appointment's start.
            migrationBuilder.Sql(
                "UPDATE \"AppointmentParticipants\" SET \"Start\" = " +
                "(SELECT a.\"Start\" FROM \"Appointments\" AS a WHERE a.\"Id\" = \"AppointmentParticipants\".\"AppointmentId\")");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentParticipants_StaffId_Start",
                table: "AppointmentParticipants",
                columns: new[] { "StaffId", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AppointmentParticipants_StaffId_Start",
                table: "AppointmentParticipants");

            migrationBuilder.DropColumn(
                name: "Start",
                table: "AppointmentParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentParticipants_StaffId",
                table: "AppointmentParticipants",
                column: "StaffId");
        }
    }
}
