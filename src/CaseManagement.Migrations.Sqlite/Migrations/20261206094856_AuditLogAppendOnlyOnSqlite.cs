using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogAppendOnlyOnSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database itself (AuditLogTable explains). The
            // migration "AuditLogAppendOnly" created these triggers on PostgreSQL only.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'Das Zugriffsprotokoll ist unveränderlich: Einträge können nicht geändert oder gelöscht werden.');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'Das Zugriffsprotokoll ist unveränderlich: Einträge können nicht geändert oder gelöscht werden.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update;");
        }
    }
}
