using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Sessions;

public sealed record TestAccount(string Id, string Email, string DisplayName);

/// <summary>A fresh account per test, so that one test's failed sign-ins, locks and sessions never meet another's.</summary>
public static class TestAccounts
{
    public const string Password = DemoAccounts.Password;

    public static async Task<TestAccount> CreateAsync(IServiceProvider services, string role = StaffRole.CaseManager)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var user = new StaffUser
        {
            UserName = $"konto-{suffix}@jobcenter.example",
            Email = $"konto-{suffix}@jobcenter.example",
            DisplayName = $"Testkonto {suffix}",
            Organisation = Organisation.Jobcenter,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return new TestAccount(user.Id, user.Email, user.DisplayName);
    }
}
