using System.Globalization;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Domain.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CaseManagement.Web.Extensions;

public static class StartupExtensions
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        // Fail at start, not on the first consent check, when the machine lacks time zone data.
        _ = Domain.GermanCalendar.DateOf(DateTimeOffset.UtcNow);

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>
    /// A newcomer's first <c>dotnet run</c> should say where to go and how to sign in. This is
    /// console output for a person, not a log line; the demo accounts are fictitious.
    /// </summary>
    public static void PrintWhereToSignInOnceStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0)
            {
                return;
            }

            var demo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoDataOptions>>().Value;
            var output = Console.Out;
            output.WriteLine();
            output.WriteLine("Fallverbund läuft. Anmelden unter:");
            foreach (var address in addresses)
            {
                output.WriteLine($"  {address}/konto/anmelden");
            }

            if (demo.IsActiveIn(app.Environment))
            {
                output.WriteLine();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Demo-Konten (Passwort für alle: {DemoAccounts.Password}):"));
                foreach (var account in DemoAccounts.All.Concat(DemoAccounts.AdditionalCaseworkers))
                {
                    output.WriteLine($"  {account.Email,-36} {StaffRole.GermanLabel(account.Role)} ({account.Organisation.German()})");
                }
            }

            output.WriteLine();
        });
    }
}
