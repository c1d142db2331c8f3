using CaseManagement.Domain.Clients;

namespace CaseManagement.Domain.Tests;

public class CaseNumberTests
{
    [Theory]
    [InlineData(2026, 42, "LU-2026-00042")]
    [InlineData(2026, 1, "LU-2026-00001")]
    [InlineData(2027, 99999, "LU-2027-99999")]
    public void Format_pads_year_and_running_number(int year, int sequence, string expected)
    {
        Assert.Equal(expected, CaseNumber.Format(year, sequence));
        Assert.StartsWith(CaseNumber.PrefixFor(year), expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_and_TryParse_round_trip()
    {
        foreach (var year in new[] { 2000, 2025, 2026, 2099 })
        {
            foreach (var sequence in new[] { 0, 1, 9, 10, 42, 999, 1000, 12345, 99999 })
            {
                var formatted = CaseNumber.Format(year, sequence);
                Assert.True(CaseNumber.TryParse(formatted, out var parsedYear, out var parsedSequence), formatted);
                Assert.Equal(year, parsedYear);
                Assert.Equal(sequence, parsedSequence);
            }
        }
    }

    [Fact]
    public void TryParse_ignores_surrounding_whitespace()
    {
        Assert.True(CaseNumber.TryParse("  LU-2026-00042 ", out var year, out var sequence));
        Assert.Equal(2026, year);
        Assert.Equal(42, sequence);
    }

    [Theory]
    [InlineData("LU-26-1")]
    [InlineData("lu-2026-00001")]
    [InlineData("LU-2026-00001 x")]
    [InlineData("LU-2026-0001")]
    [InlineData("LU-2026-000001")]
    [InlineData("LU 2026 00001")]
    [InlineData("MA-2026-00001")]
    [InlineData("xLU-2026-00001")]
    [InlineData("LU-2026-00001\nLU-2026-00002")]
    [InlineData("LU-\u0662\u0660\u0662\u0666-00001")] // Arabic-Indic digits
    [InlineData("")]
    public void TryParse_rejects_anything_else(string value)
    {
        Assert.False(CaseNumber.TryParse(value, out var year, out var sequence));
        Assert.Equal(0, year);
        Assert.Equal(0, sequence);
    }

    [Fact]
    public void TryParse_rejects_null()
    {
        Assert.False(CaseNumber.TryParse(null, out _, out _));
    }
}
