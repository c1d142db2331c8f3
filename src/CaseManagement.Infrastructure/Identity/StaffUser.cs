using CaseManagement.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>A staff account. Clients never log in; only staff of the two organisations do.</summary>
public class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public Organisation Organisation { get; set; }

    /// <summary>
    /// The last wrong password while the account was not locked, so that Administration can tell
    /// a forgotten password from an attack. Identity's <see cref="IdentityUser.AccessFailedCount"/>
    /// counts them since the last successful sign-in.
    /// </summary>
    public DateTimeOffset? LastFailedSignInAt { get; set; }
}
