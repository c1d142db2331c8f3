using CaseManagement.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>A staff account. Clients never log in; only staff of the two organisations do.</summary>
public class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }

    public Organisation Organisation { get; set; }
}
