using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class StepNotesPerOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Note",
                table: "PlanSteps",
                newName: "JobcenterNote");

            migrationBuilder.AddColumn<string>(
                name: "DrugHelpNote",
                table: "PlanSteps",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DrugHelpNoteIsJoint",
                table: "PlanSteps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "JobcenterNoteIsJoint",
                table: "PlanSteps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // A step note belongs to the organisation that wrote it. Who wrote an existing note is
            // taken from the version history: the organisation that last saved the plan version the
            // step belongs to. Nothing becomes joint content; the writers decide that from now on.
            migrationBuilder.Sql("""
                UPDATE "PlanSteps" SET "DrugHelpNote" = "JobcenterNote", "JobcenterNote" = NULL
                WHERE "JobcenterNote" IS NOT NULL
                  AND (SELECT p."ChangedByOrganisation" FROM "PlanGoals" g JOIN "HelpPlans" p ON p."Id" = g."PlanId" WHERE g."Id" = "PlanSteps"."GoalId") = 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "PlanSteps" SET "JobcenterNote" = COALESCE("JobcenterNote", "DrugHelpNote");""");

            migrationBuilder.DropColumn(
                name: "DrugHelpNote",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "DrugHelpNoteIsJoint",
                table: "PlanSteps");

            migrationBuilder.DropColumn(
                name: "JobcenterNoteIsJoint",
                table: "PlanSteps");

            migrationBuilder.RenameColumn(
                name: "JobcenterNote",
                table: "PlanSteps",
                newName: "Note");
        }
    }
}
