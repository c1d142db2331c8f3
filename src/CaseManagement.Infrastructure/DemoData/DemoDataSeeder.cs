using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// Seeds fictitious accounts and a fictitious caseload (<see cref="DemoCaseSeeder"/>) for a first
/// run and for tests. Refuses to run in Production whatever the configuration says.
/// </summary>
public sealed class DemoDataSeeder(
    UserManager<StaffUser> userManager,
    DemoCaseSeeder caseSeeder,
    DemoReferralSeeder referralSeeder,
    DemoSteeringSeeder steeringSeeder,
    DemoTrainingSeeder trainingSeeder,
    IOptions<DemoDataOptions> options,
    IHostEnvironment environment,
    ILogger<DemoDataSeeder> logger)
{
    public bool IsActive => options.Value.IsActiveIn(environment);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.Enabled && environment.IsProduction())
        {
            logger.LogWarning("DemoData:Enabled is set in Production; demo data is never seeded there");
            return;
        }

        if (!IsActive)
        {
            return;
        }

        foreach (var account in DemoAccounts.All.Concat(DemoAccounts.AdditionalCaseworkers))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await userManager.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            if (!Domain.Staff.StaffRole.IsAllowedFor(account.Role, account.Organisation))
            {
                throw new InvalidOperationException($"Demo-Konto {account.Email}: Rolle passt nicht zur Organisation.");
            }

            var user = new StaffUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                Organisation = account.Organisation,
                PhoneNumber = DemoAccounts.PhoneOf(account),
            };
            await EnsureSucceeded(userManager.CreateAsync(user, DemoAccounts.Password));
            await EnsureSucceeded(userManager.AddToRoleAsync(user, account.Role));
        }

        logger.LogInformation("Demo accounts present ({Count})", DemoAccounts.All.Count + DemoAccounts.AdditionalCaseworkers.Count);
        await referralSeeder.SeedPartnersAsync(cancellationToken);
        await steeringSeeder.SeedMembersAsync(cancellationToken);

        if (options.Value.SeedCases)
        {
            await caseSeeder.SeedAsync(cancellationToken);
            await referralSeeder.SeedReferralsAsync(cancellationToken);
            await referralSeeder.SeedUnmetNeedsAsync(cancellationToken);
            await steeringSeeder.SeedMeetingAsync(cancellationToken);
            await steeringSeeder.SeedMunicipalReportAsync(cancellationToken);
            await trainingSeeder.SeedAsync(cancellationToken);
        }
    }

    private static async Task EnsureSucceeded(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Demo-Konto konnte nicht angelegt werden: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
