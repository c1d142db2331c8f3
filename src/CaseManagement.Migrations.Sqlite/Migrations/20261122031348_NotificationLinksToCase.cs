using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationLinksToCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LinksToCase",
                table: "StaffNotifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Until now a notification carried its client only when it offered a link to it.
            migrationBuilder.Sql("""UPDATE "StaffNotifications" SET "LinksToCase" = ("ClientId" IS NOT NULL)""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LinksToCase",
                table: "StaffNotifications");
        }
    }
}
