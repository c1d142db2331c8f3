using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace CaseManagement.Infrastructure.Persistence.CircuitState;

/// <summary>
/// The distributed cache behind Blazor's persisted circuit state (through HybridCache), in the
/// product's own database, so that a circuit dropped on one instance resumes on another and after
/// a restart. What it stores is personal data (unsaved form drafts, health data among them), so:
/// <list type="bullet">
/// <item>the key (a circuit's secret id) is stored only as its SHA-256 hash;</item>
/// <item>the value is encrypted with Data Protection (the key ring in the same database, shared by
/// every instance), under a purpose bound to the entry's key, so rows cannot be swapped;</item>
/// <item>every entry expires (absolute, at most <see cref="MaximumLifetime"/>); an expired entry is
/// never returned and is deleted with the next write or removal (every resume removes one);</item>
/// <item>nothing about keys or values is logged here.</item>
/// </list>
/// Sliding expiration is treated as absolute: a persisted circuit is read once, then removed.
/// </summary>
public sealed class DatabaseDistributedCache(
    IDbContextFactory<CaseManagementDbContext> contexts,
    IDataProtectionProvider dataProtection,
    TimeProvider clock) : IDistributedCache
{
    /// <summary>The longest an entry is kept, whatever the caller asks for.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromHours(2);

    private const string Purpose = "CaseManagement.PersistedCircuitState.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var hashed = Hash(key);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(token);
        var stored = await db.PersistedCircuitStates.AsNoTracking()
            .Where(e => e.Key == hashed && e.ExpiresAt > now)
            .Select(e => e.Value)
            .FirstOrDefaultAsync(token);
        if (stored is null)
        {
            return null;
        }

        try
        {
            return _protector.CreateProtector(hashed).Unprotect(stored);
        }
        catch (CryptographicException)
        {
            // A key ring without the key that protected it (a restored database, a revoked key): unreadable, as if absent.
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var hashed = Hash(key);
        var now = clock.GetUtcNow();
        var entry = new PersistedCircuitStateEntry
        {
            Key = hashed,
            Value = _protector.CreateProtector(hashed).Protect(value),
            ExpiresAt = ExpiryOf(options, now),
        };

        await using var db = await contexts.CreateDbContextAsync(token);
        // The same key again replaces its entry; expired entries of anyone go with every write.
        await db.PersistedCircuitStates.Where(e => e.Key == hashed || e.ExpiresAt <= now).ExecuteDeleteAsync(token);
        db.PersistedCircuitStates.Add(entry);
        await db.SaveChangesAsync(token);
    }

    public void Refresh(string key)
    {
        // Absolute expiry only: nothing to refresh.
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        var hashed = Hash(key);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(token);
        // A resumed circuit's entry goes (the framework removes it once read), and expired ones with it.
        await db.PersistedCircuitStates.Where(e => e.Key == hashed || e.ExpiresAt <= now).ExecuteDeleteAsync(token);
    }

    internal static DateTimeOffset ExpiryOf(DistributedCacheEntryOptions options, DateTimeOffset now)
    {
        var latest = now + MaximumLifetime;
        var asked = options.AbsoluteExpiration
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : (DateTimeOffset?)null)
            ?? (options.SlidingExpiration is { } sliding ? now + sliding : (DateTimeOffset?)null)
            ?? latest;
        return asked < latest ? asked : latest;
    }

    private static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
