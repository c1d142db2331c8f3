using CaseManagement.Documents.Pdf;

namespace CaseManagement.Documents.Tests;

public sealed class TextWrapperTests
{
    // Every character is 1 unit wide: widths equal lengths.
    private static double Measure(string s) => s.Length;

    [Fact]
    public void Breaks_at_spaces_and_keeps_lines_within_the_width()
    {
        var lines = TextWrapper.Wrap("Bewerbung schreiben und abschicken bis Ende März", 20, Measure);
        Assert.Equal(["Bewerbung schreiben", "und abschicken bis", "Ende März"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= 20));
    }

    [Fact]
    public void Breaks_a_word_longer_than_the_line_between_characters()
    {
        var word = new string('x', 45);
        var lines = TextWrapper.Wrap($"Link: {word} lesen", 20, Measure);
        Assert.Equal(["Link:", new string('x', 20), new string('x', 20), "xxxxx lesen"], lines);
    }

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("a😀", 10));
        var lines = TextWrapper.Wrap(text, 5, Measure);
        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.False(char.IsHighSurrogate(l[^1]), $"line ends inside a surrogate pair: {l}"));
    }

    [Fact]
    public void Line_breaks_start_new_lines_and_blank_runs_collapse()
    {
        var lines = TextWrapper.Wrap("\r\nErste Zeile\r\n\r\n\r\nZweite\tZeile\rDritte\n\n", 100, Measure);
        Assert.Equal(["Erste Zeile", "", "Zweite Zeile", "Dritte"], lines);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void Blank_text_gives_no_lines(string? text) => Assert.Empty(TextWrapper.Wrap(text, 10, Measure));

    [Fact]
    public void Drops_control_characters_and_soft_hyphens()
    {
        Assert.Equal(["Sucht­hilfe".Replace("\u00AD", "", StringComparison.Ordinal)], TextWrapper.Wrap("Sucht\u00ADhilfe\u0007", 50, Measure));
    }
}
