using CaseManagement.Domain.Clients;

namespace CaseManagement.Domain.Tests;

public class Icd10Tests
{
    [Theory]
    [InlineData("F10")]
    [InlineData("F11")]
    [InlineData("F12")]
    [InlineData("F13")]
    [InlineData("F14")]
    [InlineData("F15")]
    [InlineData("F16")]
    [InlineData("F17")]
    [InlineData("F18")]
    [InlineData("F19")]
    [InlineData("F10.2")]
    [InlineData("F11.2")]
    [InlineData("F19.9")]
    [InlineData("F11.22")]
    [InlineData("F10.20")]
    [InlineData("F63.0")]
    [InlineData(" F12.1 ")]
    public void Substance_and_gambling_diagnoses_are_addiction_diagnoses(string code)
    {
        Assert.True(Icd10.IsAddictionDiagnosis(code));
    }

    [Theory]
    [InlineData("F20")]
    [InlineData("F20.0")]
    [InlineData("F09")]
    [InlineData("F63.1")]
    [InlineData("F63")]
    [InlineData("F63.00")]
    [InlineData("F1")]
    [InlineData("F11.234")]
    [InlineData("F11.")]
    [InlineData("F11.x")]
    [InlineData("F110")]
    [InlineData("f11.2")] // codes are upper case; normalising input is the form's job
    [InlineData("f63.0")]
    [InlineData("F11.2 F12.1")]
    [InlineData("F11,2")]
    [InlineData("")]
    [InlineData("   ")]
    public void Other_codes_are_not(string code)
    {
        Assert.False(Icd10.IsAddictionDiagnosis(code));
    }

    [Fact]
    public void No_code_is_not_an_addiction_diagnosis()
    {
        Assert.False(Icd10.IsAddictionDiagnosis(null));
    }
}
