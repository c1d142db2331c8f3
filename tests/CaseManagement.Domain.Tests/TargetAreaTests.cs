using CaseManagement.Domain.Clients;

namespace CaseManagement.Domain.Tests;

public class TargetAreaTests
{
    [Theory]
    [InlineData("67059")]
    [InlineData("67061")]
    [InlineData("67063")]
    [InlineData("67065")]
    [InlineData("67067")]
    [InlineData("67069")]
    [InlineData("67071")]
    public void The_seven_Ludwigshafen_postal_codes_are_inside(string postalCode)
    {
        Assert.True(TargetArea.Contains(postalCode));
    }

    [Fact]
    public void There_are_exactly_seven_postal_codes()
    {
        Assert.Equal(7, TargetArea.PostalCodes.Count);
    }

    [Theory]
    [InlineData(" 67059")]
    [InlineData("67071 ")]
    [InlineData("\t67063\n")]
    public void Surrounding_whitespace_is_ignored(string postalCode)
    {
        Assert.True(TargetArea.Contains(postalCode));
    }

    [Theory]
    [InlineData("68159")] // Mannheim, across the Rhine
    [InlineData("67060")]
    [InlineData("67117")] // Limburgerhof
    [InlineData("6705")]
    [InlineData("670590")]
    [InlineData("67 059")]
    [InlineData("D-67059")]
    [InlineData("")]
    [InlineData("   ")]
    public void Other_codes_are_outside(string postalCode)
    {
        Assert.False(TargetArea.Contains(postalCode));
    }

    [Fact]
    public void No_postal_code_is_outside()
    {
        Assert.False(TargetArea.Contains(null));
    }
}
