using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Start",
                table: "AppointmentParticipants",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Every existing participant takes its appointment's start.
            migrationBuilder.Sql(
                "UPDATE \"AppointmentParticipants\" SET \"Start\" = " +
                "(SELECT a.\"Start\" FROM \"Appointments\" AS a WHERE a.\"Id\" = \"AppointmentParticipants\".\"AppointmentId\")");

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentParticipants_StaffId_Start",
                table: "AppointmentParticipants",
                columns: new[] { "StaffId", "Start" })
                .Annotation("Npgsql:IndexInclude", new[] { "AppointmentId", "Organisation" });
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
