using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CaseManagement.Domain.Sessions;

namespace CaseManagement.Application.Staff;

/// <summary>An account whose sign-in is throttled from at least one address, for Administration.</summary>
public sealed record ThrottledAccount(int Addresses, DateTimeOffset Until);

/// <summary>
/// Slows down password guessing per source address and account
/// (<see cref="SignInThrottleRule.PerAddressAndAccount"/>) and per source address over all
/// accounts (<see cref="SignInThrottleRule.PerAddress"/>). Accounts are keyed by the normalised
/// address as typed, so an unknown address is throttled exactly like an existing one.
/// <para>
/// Kept in memory on purpose: no source address and no mistyped e-mail address is ever written
/// to disk, and everything is forgotten within minutes. With several instances each throttles
/// on its own; the account lock (in the database, after many more failures) bounds the sum.
/// A restart forgets the throttle, not the account lock.
/// </para>
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Source, string Account), SignInThrottleState> _pairs = new();
    private readonly ConcurrentDictionary<string, SignInThrottleState> _sources = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>
    /// The throttling key of a client address: IPv4 as is, IPv6 by its /64 network (one
    /// subscriber usually holds a whole /64), "unbekannt" when the server does not know it.
    /// </summary>
    public static string SourceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unbekannt";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public bool IsBlocked(string source, string account)
    {
        var now = clock.GetUtcNow();
        return (_pairs.TryGetValue((source, account), out var pair) && pair.IsBlockedAt(now))
            || (_sources.TryGetValue(source, out var all) && all.IsBlockedAt(now));
    }

    public void RecordFailure(string source, string account)
    {
        var now = clock.GetUtcNow();
        _pairs.AddOrUpdate((source, account),
            _ => SignInThrottleRule.PerAddressAndAccount.AfterFailure(null, now),
            (_, current) => SignInThrottleRule.PerAddressAndAccount.AfterFailure(current, now));
        _sources.AddOrUpdate(source,
            _ => SignInThrottleRule.PerAddress.AfterFailure(null, now),
            (_, current) => SignInThrottleRule.PerAddress.AfterFailure(current, now));
        SweepIfDue(now);
    }

    /// <summary>
    /// A successful sign-in clears that address's count for the account. The address's count over
    /// all accounts stays: one success does not make the other failures harmless.
    /// </summary>
    public void RecordSuccess(string source, string account) => _pairs.TryRemove((source, account), out _);

    /// <summary>Administration lifts the throttle of an account from every address.</summary>
    public void Release(string account)
    {
        foreach (var key in _pairs.Keys.Where(k => k.Account == account))
        {
            _pairs.TryRemove(key, out _);
        }
    }

    /// <summary>Accounts (by normalised e-mail address) that are throttled from at least one address now.</summary>
    public IReadOnlyDictionary<string, ThrottledAccount> ThrottledAccounts()
    {
        var now = clock.GetUtcNow();
        return _pairs
            .Where(p => p.Value.IsBlockedAt(now))
            .GroupBy(p => p.Key.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ThrottledAccount(g.Count(), g.Max(p => p.Value.BlockedUntil!.Value)), StringComparer.Ordinal);
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, state) in _pairs)
        {
            if (SignInThrottleRule.PerAddressAndAccount.IsForgotten(state, now))
            {
                _pairs.TryRemove(new KeyValuePair<(string, string), SignInThrottleState>(key, state));
            }
        }

        foreach (var (key, state) in _sources)
        {
            if (SignInThrottleRule.PerAddress.IsForgotten(state, now))
            {
                _sources.TryRemove(new KeyValuePair<string, SignInThrottleState>(key, state));
            }
        }
    }
}
