namespace CaseManagement.Domain.Concurrency;

/// <summary>
/// A record two people may edit at the same time (optimistic concurrency). Every command carries
/// the <see cref="RowVersion"/> the user started from; a save over a newer change is refused.
/// PostgreSQL maps it to the system column xmin; on SQLite a counter is raised on every save.
/// </summary>
public interface IRowVersioned
{
    uint RowVersion { get; set; }
}
