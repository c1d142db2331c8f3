namespace CaseManagement.Infrastructure.DemoData;

/// <summary>Bound from <c>DemoData</c>. Only honoured outside Production (see <see cref="DemoDataSeeder"/>).</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    public bool Enabled { get; set; }

    /// <summary>Demo data is on when enabled, and never in Production whatever the configuration says.</summary>
    public bool IsActiveIn(Microsoft.Extensions.Hosting.IHostEnvironment environment) =>
        Enabled && !Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsProduction(environment);

    /// <summary>
    /// With <see cref="Enabled"/>: also seed a fictitious caseload (about 320 clients, see
    /// <see cref="DemoCaseSeeder"/>) into an empty database. Tests that need an empty caseload set
    /// <c>DemoData:SeedCases</c> to false.
    /// </summary>
    public bool SeedCases { get; set; } = true;
}
