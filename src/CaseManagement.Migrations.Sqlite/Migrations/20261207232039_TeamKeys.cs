using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TeamKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TeamKey",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Organisation_TeamKey",
                table: "AspNetUsers",
                columns: new[] { "Organisation", "TeamKey" });

            // Existing accounts' keys as StaffUser.TeamKeyOf computes them, for team names of printable
            // ASCII only (where the database's lower() and trim() fold as .NET does). Others stay
            // null: TeamScope compares their names, and the next save of the account sets the key.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "TeamKey" = lower(trim("Team", ' ')) WHERE "Team" NOT GLOB '*[^ -~]*' AND trim("Team", ' ') <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Organisation_TeamKey",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TeamKey",
                table: "AspNetUsers");
        }
    }
}
