using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FrozenFigures = table.Column<string>(type: "TEXT", nullable: true),
                    FrozenPeriodLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RowVersion = table.Column<uint>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SteeringMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SteeringRoundMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Figure = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RowVersion = table.Column<uint>(type: "INTEGER", nullable: false)
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
