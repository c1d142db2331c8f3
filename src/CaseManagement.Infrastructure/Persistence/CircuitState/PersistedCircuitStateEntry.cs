namespace CaseManagement.Infrastructure.Persistence.CircuitState;

/// <summary>
/// One persisted Blazor circuit (the values of a page's <c>[PersistentState]</c> properties and its
/// root components), kept after the circuit was dropped so that the browser can resume it on any
/// instance. <see cref="Key"/> is a SHA-256 hash of the cache key (the circuit's secret id, which
/// is never stored); <see cref="Value"/> is encrypted with Data Protection. Written and read only
/// by <see cref="DatabaseDistributedCache"/>; docs/architecture.md, "Connection loss".
/// </summary>
public sealed class PersistedCircuitStateEntry
{
    public const int KeyLength = 64;

    public string Key { get; set; } = "";

    public byte[] Value { get; set; } = [];

    public DateTimeOffset ExpiresAt { get; set; }
}
