using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class GoalProgressStoredOnGoal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Progress",
                table: "PlanGoals",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            // Existing goals: the progress their steps give them (the rule of PlanGoal.ProgressOf:
            // 1 offen, 2 in Arbeit, 3 erreicht, 4 entfallen; step status 2 in Arbeit, 3 erreicht, 4 entfallen).
            migrationBuilder.Sql("""
                UPDATE "PlanGoals" SET "Progress" = CASE
                    WHEN NOT EXISTS (SELECT 1 FROM "PlanSteps" s WHERE s."GoalId" = "PlanGoals"."Id") THEN 1
                    WHEN NOT EXISTS (SELECT 1 FROM "PlanSteps" s WHERE s."GoalId" = "PlanGoals"."Id" AND s."Status" <> 4) THEN 4
                    WHEN NOT EXISTS (SELECT 1 FROM "PlanSteps" s WHERE s."GoalId" = "PlanGoals"."Id" AND s."Status" NOT IN (3, 4)) THEN 3
                    WHEN EXISTS (SELECT 1 FROM "PlanSteps" s WHERE s."GoalId" = "PlanGoals"."Id" AND s."Status" IN (2, 3)) THEN 2
                    ELSE 1
                END
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Progress",
                table: "PlanGoals");
        }
    }
}
