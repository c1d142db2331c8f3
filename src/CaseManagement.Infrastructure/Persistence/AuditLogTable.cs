namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// The audit log is append-only. The application refuses to change or delete rows
/// (<see cref="AppendOnlyAuditGuard"/>) and the database refuses too: triggers created by the
/// migrations "AuditLogAppendOnly" (PostgreSQL) and "AuditLogAppendOnlyOnSqlite" reject UPDATE, DELETE (and on PostgreSQL
/// TRUNCATE). A later migration that rebuilds the table must recreate them.
/// </summary>
public static class AuditLogTable
{
    public const string Name = "AuditEntries";
    public const string RefusalMessage = "Das Zugriffsprotokoll ist unveränderlich: Einträge können nicht geändert oder gelöscht werden.";
}
