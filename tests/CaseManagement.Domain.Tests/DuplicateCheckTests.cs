using CaseManagement.Domain.Clients;

namespace CaseManagement.Domain.Tests;

public class DuplicateCheckTests
{
    private static readonly DateOnly BirthDate = new(1990, 4, 12);

    private static Client Existing(string firstName, string lastName, DateOnly birthDate)
    {
        var client = new Client
        {
            CaseNumber = "LU-2026-00001",
            FirstName = firstName,
            LastName = lastName,
            BirthDate = birthDate,
            PostalCode = "67059",
            City = "Ludwigshafen am Rhein",
        };
        client.RefreshDerivedFields();
        return client;
    }

    [Fact]
    public void The_same_name_and_birth_date_look_alike()
    {
        Assert.True(DuplicateCheck.LooksAlike("Hans", "Müller", BirthDate, Existing("Hans", "Müller", BirthDate)));
    }

    [Theory]
    [InlineData("Hans", "Muller")] // one letter short of the folded "mueller"
    [InlineData("Hans", "Mueler")]
    [InlineData("Hanz", "Müller")]
    [InlineData("hans", "MUELLER")]
    public void One_typo_with_the_same_birth_date_looks_alike(string firstName, string lastName)
    {
        Assert.True(DuplicateCheck.LooksAlike(firstName, lastName, BirthDate, Existing("Hans", "Müller", BirthDate)));
    }

    [Fact]
    public void First_and_last_name_swapped_look_alike()
    {
        Assert.True(DuplicateCheck.LooksAlike("Müller", "Hans", BirthDate, Existing("Hans", "Müller", BirthDate)));
    }

    [Fact]
    public void A_different_birth_date_never_looks_alike()
    {
        Assert.False(DuplicateCheck.LooksAlike("Hans", "Müller", BirthDate.AddDays(1), Existing("Hans", "Müller", BirthDate)));
    }

    [Fact]
    public void Distant_names_with_the_same_birth_date_do_not_look_alike()
    {
        Assert.False(DuplicateCheck.LooksAlike("Ayşe", "Çelik", BirthDate, Existing("Hans", "Müller", BirthDate)));
        Assert.False(DuplicateCheck.LooksAlike("Hans", "Meier", BirthDate, Existing("Hans", "Müller", BirthDate)));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "abd", 1)]
    [InlineData("abc", "ab", 1)]
    [InlineData("ab", "abc", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("mueller", "muller", 1)]
    [InlineData("ab", "ba", 2)]
    public void Distance_is_the_Levenshtein_distance(string a, string b, int expected)
    {
        Assert.Equal(expected, DuplicateCheck.Distance(a, b));
        Assert.Equal(expected, DuplicateCheck.Distance(b, a));
    }
}
