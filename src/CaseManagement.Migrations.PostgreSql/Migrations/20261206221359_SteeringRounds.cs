using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SteeringRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SteeringMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Participants = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Agenda = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Decisions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FrozenFigures = table.Column<string>(type: "text", nullable: true),
                    FrozenPeriodLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FrozenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SteeringMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SteeringRoundMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    StaffId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SteeringRoundMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SteeringRoundMembers_AspNetUsers_StaffId",
                        column: x => x.StaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SteeringMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Figure = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SteeringMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SteeringMeasures_SteeringMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "SteeringMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SteeringMeasures_MeetingId",
                table: "SteeringMeasures",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_SteeringMeasures_Round_Status",
                table: "SteeringMeasures",
                columns: new[] { "Round", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SteeringMeetings_Round_HeldOn",
                table: "SteeringMeetings",
                columns: new[] { "Round", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SteeringRoundMembers_Round_StaffId",
                table: "SteeringRoundMembers",
                columns: new[] { "Round", "StaffId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SteeringRoundMembers_StaffId",
                table: "SteeringRoundMembers",
                column: "StaffId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SteeringMeasures");

            migrationBuilder.DropTable(
                name: "SteeringRoundMembers");

            migrationBuilder.DropTable(
                name: "SteeringMeetings");
        }
    }
}
