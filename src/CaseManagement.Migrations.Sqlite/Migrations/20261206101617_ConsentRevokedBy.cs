using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConsentRevokedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RevokedById",
                table: "Consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevokedByOrganisation",
                table: "Consents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consents_RevokedById",
                table: "Consents",
                column: "RevokedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Consents_AspNetUsers_RevokedById",
                table: "Consents",
                column: "RevokedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Revocations recorded before the revoker was stored are attributed to the recording
            // organisation (SQLite serves first runs and demo data; PostgreSQL reads the audit log).
            migrationBuilder.Sql("""UPDATE "Consents" SET "RevokedByOrganisation" = "RecordedByOrganisation" WHERE "RevokedAt" IS NOT NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Consents_AspNetUsers_RevokedById",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_Consents_RevokedById",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "RevokedById",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "RevokedByOrganisation",
                table: "Consents");
        }
    }
}
