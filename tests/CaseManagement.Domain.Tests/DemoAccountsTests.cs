using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;

namespace CaseManagement.Domain.Tests;

public class DemoAccountsTests
{
    [Fact]
    public void There_is_exactly_one_demo_account_per_role()
    {
        Assert.Equal(
            StaffRole.All.Order(StringComparer.Ordinal),
            DemoAccounts.All.Select(a => a.Role).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_demo_account_belongs_to_an_organisation_its_role_is_allowed_in()
    {
        Assert.All(DemoAccounts.All, a => Assert.True(StaffRole.IsAllowedFor(a.Role, a.Organisation), a.Email));
    }

    [Fact]
    public void Demo_emails_are_unique_and_use_the_reserved_example_domain()
    {
        Assert.Equal(DemoAccounts.All.Count, DemoAccounts.All.Select(a => a.Email.ToUpperInvariant()).Distinct().Count());
        Assert.All(DemoAccounts.All, a => Assert.EndsWith(".example", a.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void The_demo_password_has_at_least_twelve_characters()
    {
        Assert.True(DemoAccounts.Password.Length >= 12);
    }
}
