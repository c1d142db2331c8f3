using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevokedByOrganisation",
                table: "Consents",
                type: "integer",
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

            // Revocations recorded before the revoker was stored: taken from the audit entry of the
            // revocation (same client, written within seconds); without one, the recording organisation.
            migrationBuilder.Sql("""
                UPDATE "Consents" AS c SET "RevokedById" = a."UserId", "RevokedByOrganisation" = a."UserOrganisation"
                FROM (
                    SELECT DISTINCT ON (c2."Id") c2."Id" AS "ConsentId", e."UserId", e."UserOrganisation"
                    FROM "Consents" c2
                    JOIN "AuditEntries" e ON e."ClientId" = c2."ClientId" AND e."Action" = 6
                        AND e."OccurredAt" BETWEEN c2."RevokedAt" - interval '10 seconds' AND c2."RevokedAt" + interval '10 seconds'
                    JOIN "AspNetUsers" u ON u."Id" = e."UserId"
                    WHERE c2."RevokedAt" IS NOT NULL
                    ORDER BY c2."Id", abs(extract(epoch from e."OccurredAt" - c2."RevokedAt"))
                ) AS a
                WHERE c."Id" = a."ConsentId";
                UPDATE "Consents" SET "RevokedByOrganisation" = "RecordedByOrganisation" WHERE "RevokedAt" IS NOT NULL AND "RevokedByOrganisation" IS NULL;
                """);
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
