using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

public sealed class AccountRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("elf-Zeichen", false)]
    [InlineData("zwoelf-Zeich", true)]
    [InlineData("aaaaaaaaaaaa", false)]
    public async Task Passwords_need_at_least_twelve_characters_and_some_variety(string password, bool accepted)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"konto-{Guid.NewGuid():N}@jobcenter.example";

        var result = await users.CreateAsync(new StaffUser
        {
            UserName = email,
            Email = email,
            DisplayName = "Testkonto",
            Organisation = Organisation.Jobcenter,
        }, password);

        Assert.Equal(accepted, result.Succeeded);
    }
}
