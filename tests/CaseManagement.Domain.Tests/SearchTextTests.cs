using CaseManagement.Domain.Clients;

namespace CaseManagement.Domain.Tests;

public class SearchTextTests
{
    [Fact]
    public void Umlaut_spellings_fold_together()
    {
        Assert.Equal("mueller", SearchText.Normalize("Müller"));
        Assert.Equal("mueller", SearchText.Normalize("Mueller"));
        Assert.Equal("mueller", SearchText.Normalize("MÜLLER"));
        Assert.Equal("oezdemir", SearchText.Normalize("Özdemir"));
        Assert.Equal("baer", SearchText.Normalize("BÄR"));
        Assert.Equal("strasse", SearchText.Normalize("Straße"));
    }

    [Theory]
    [InlineData("Çelik", "celik")]
    [InlineData("Şahin", "sahin")]
    [InlineData("Dvořák", "dvorak")]
    [InlineData("José", "jose")]
    [InlineData("Nowak", "nowak")]
    public void Other_accents_are_dropped(string text, string expected)
    {
        Assert.Equal(expected, SearchText.Normalize(text));
    }

    [Fact]
    public void Whitespace_is_trimmed_and_collapsed()
    {
        Assert.Equal("anna maria schmidt", SearchText.Normalize("  Anna \t Maria\n\nSchmidt  "));
        Assert.Equal("anna schmidt", SearchText.Normalize("Anna\u00A0Schmidt"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Nothing_normalises_to_the_empty_string(string? text)
    {
        Assert.Equal("", SearchText.Normalize(text));
    }

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        foreach (var text in new[] { "Müller Hans", "  ÇELIK  Ayşe ", "Straßer-Öztürk" })
        {
            var once = SearchText.Normalize(text);
            Assert.Equal(once, SearchText.Normalize(once));
        }
    }

    [Theory]
    [InlineData("Mu\u0308ller")]
    [InlineData("MU\u0308LLER")]
    public void Decomposed_umlauts_fold_like_composed_ones(string text)
    {
        Assert.Equal("mueller", SearchText.Normalize(text));
    }

    [Theory]
    [InlineData("Yıldız", "yildiz")]
    [InlineData("Łukasz", "lukasz")]
    public void Letters_without_a_combining_mark_fold_to_their_base_letter(string text, string expected)
    {
        Assert.Equal(expected, SearchText.Normalize(text));
    }
}
