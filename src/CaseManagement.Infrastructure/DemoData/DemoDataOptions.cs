namespace CaseManagement.Infrastructure.DemoData;

/// <summary>Bound from <c>DemoData</c>. Only honoured outside Production (see <see cref="DemoDataSeeder"/>).</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    public bool Enabled { get; set; }
}
