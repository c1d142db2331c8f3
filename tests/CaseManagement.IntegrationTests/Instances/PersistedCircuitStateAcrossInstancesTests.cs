using System.Reflection;
using System.Text;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.CircuitState;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Instances;

/// <summary>
/// The state of a dropped circuit (what a page keeps with <c>[PersistentState]</c>) is stored by
/// the framework's own persistence provider, which .NET 10 picks for HybridCache over our
/// database cache: persisted on one instance, it is restored on another, once. In the table it
/// is encrypted under a hashed key and expires.
/// </summary>
public sealed class PersistedCircuitStateAcrossInstancesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Assembly BlazorServer = typeof(CircuitOptions).Assembly;
    private const string Draft = "Entwurf mit Gesundheitsdaten: Substitution seit März, Beikonsum am Wochenende";

    [Fact]
    public async Task State_persisted_on_one_instance_is_restored_on_another_once_and_is_stored_encrypted()
    {
        await using var second = new CaseManagementAppFactory(app.Database.ConnectionString, seedCaseload: false);
        var here = ProviderOf(app.Factory.Services);
        var there = ProviderOf(second.Services);
        Assert.Equal("HybridCacheCircuitPersistenceProvider", here.GetType().Name);

        var secret = "geheime-circuit-id-" + Guid.NewGuid().ToString("N");
        var circuitId = NewCircuitId(secret);
        var state = NewState(
            new Dictionary<string, byte[]> { ["HelpPlanPage.Kept"] = Encoding.UTF8.GetBytes(Draft) },
            Encoding.UTF8.GetBytes("{\"0\":{\"type\":\"server\"}}"));

        await Invoke(here, "PersistCircuitAsync", circuitId, state, CancellationToken.None);

        var rows = await RowsAsync();
        var row = Assert.Single(rows);
        Assert.DoesNotContain("geheime", row.Key, StringComparison.Ordinal);
        Assert.Equal(PersistedCircuitStateEntry.KeyLength, row.Key.Length);
        Assert.DoesNotContain("Substitution", Encoding.UTF8.GetString(row.Value), StringComparison.Ordinal);
        // Serialised as JSON the draft's bytes would be Base64: not that either.
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Draft))[..24], Encoding.Latin1.GetString(row.Value), StringComparison.Ordinal);
        var expiresIn = row.ExpiresAt - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(31));

        var restored = await Invoke(there, "RestoreCircuitAsync", circuitId, CancellationToken.None);
        Assert.NotNull(restored);
        var application = (IReadOnlyDictionary<string, byte[]>)restored.GetType().GetProperty("ApplicationState")!.GetValue(restored)!;
        Assert.Equal(Draft, Encoding.UTF8.GetString(application["HelpPlanPage.Kept"]));
        Assert.Equal("{\"0\":{\"type\":\"server\"}}", Encoding.UTF8.GetString((byte[])restored.GetType().GetProperty("RootComponents")!.GetValue(restored)!));

        // Taken once: the row is gone, and a second resume (here or there) finds nothing.
        Assert.Empty(await RowsAsync());
        Assert.Null(await Invoke(there, "RestoreCircuitAsync", circuitId, CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_entry_is_never_returned_and_goes_with_the_next_write_and_a_lifetime_is_capped()
    {
        var cache = app.Factory.Services.GetRequiredService<IDistributedCache>();
        Assert.IsType<DatabaseDistributedCache>(cache);
        var gone = "kurz-" + Guid.NewGuid().ToString("N");
        await cache.SetAsync(gone, [1, 2, 3], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(3) });
        Assert.Equal([1, 2, 3], await cache.GetAsync(gone));
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Null(await cache.GetAsync(gone));

        var kept = "lang-" + Guid.NewGuid().ToString("N");
        await cache.SetAsync(kept, [4], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(30) });

        var row = Assert.Single(await RowsAsync());
        Assert.True(row.ExpiresAt <= DateTimeOffset.UtcNow + DatabaseDistributedCache.MaximumLifetime);
        await cache.RemoveAsync(kept);
        Assert.Empty(await RowsAsync());
    }

    private async Task<List<PersistedCircuitStateEntry>> RowsAsync()
    {
        var contexts = app.Factory.Services.GetRequiredService<IDbContextFactory<CaseManagementDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.PersistedCircuitStates.AsNoTracking().ToListAsync();
    }

    // The framework's types are internal: reached by name, exactly as the circuits use them.
    private static object ProviderOf(IServiceProvider services) =>
        services.GetRequiredService(BlazorServer.GetType("Microsoft.AspNetCore.Components.Server.Circuits.ICircuitPersistenceProvider", throwOnError: true)!);

    private static object NewCircuitId(string secret)
    {
        var type = BlazorServer.GetType("Microsoft.AspNetCore.Components.Server.Circuits.CircuitId", throwOnError: true)!;
        return Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [secret, "oeffentliche-id"], null)!;
    }

    private static object NewState(IReadOnlyDictionary<string, byte[]> application, byte[] rootComponents)
    {
        var type = BlazorServer.GetType("Microsoft.AspNetCore.Components.Server.Circuits.PersistedCircuitState", throwOnError: true)!;
        var state = Activator.CreateInstance(type, nonPublic: true)!;
        type.GetProperty("ApplicationState")!.SetValue(state, application);
        type.GetProperty("RootComponents")!.SetValue(state, rootComponents);
        return state;
    }

    private static async Task<object?> Invoke(object target, string method, params object[] arguments)
    {
        var task = (Task)target.GetType().GetMethod(method)!.Invoke(target, arguments)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }
}
