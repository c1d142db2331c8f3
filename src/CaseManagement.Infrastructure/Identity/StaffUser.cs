using CaseManagement.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>A staff account. Clients never log in; only staff of the two organisations do.</summary>
public class StaffUser : IdentityUser
{
    public const int DisplayNameMaxLength = 120;

    public const int TeamMaxLength = 100;

    public required string DisplayName { get; set; }

    public Organisation Organisation { get; set; }

    /// <summary>
    /// The last wrong password while the account was not locked, so that Administration can tell
    /// a forgotten password from an attack. Identity's <see cref="IdentityUser.AccessFailedCount"/>
    /// counts them since the last successful sign-in.
    /// </summary>
    public DateTimeOffset? LastFailedSignInAt { get; set; }

    private string? _team;

    /// <summary>The team within the organisation (e.g. "U25", "Team Nord"); free text, optional.</summary>
    public string? Team
    {
        get => _team;
        set
        {
            _team = value;
            TeamKey = TeamKeyOf(value);
        }
    }

    /// <summary>
    /// The team as teams are compared (<see cref="TeamKeyOf"/>), so that a team's accounts are found
    /// by index. Kept with <see cref="Team"/>; null for accounts without a team, and for accounts
    /// whose team name had other than plain ASCII letters before the key existed (the migration
    /// could not fold those the way .NET does: readers compare <see cref="Team"/> for them).
    /// </summary>
    public string? TeamKey { get; private set; }

    /// <summary>
    /// Set while the account is deactivated (the person left): no sign-in, no open session, not
    /// offered as a caseworker. Accounts are never deleted, because the audit log and past
    /// responsibilities name them.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>How team names are compared: "Team Nord", " team nord " are one team; null for no team.</summary>
    public static string? TeamKeyOf(string? team) => string.IsNullOrWhiteSpace(team) ? null : team.Trim().ToLowerInvariant();

    /// <summary>The password is a one-time initial password from Administration and must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
