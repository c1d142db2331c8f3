using CaseManagement.Application.HelpPlans;

namespace CaseManagement.Domain.Tests.HelpPlans;

public sealed class WordDiffTests
{
    private static string Show(string? before, string? after) => string.Concat(WordDiff.Between(before, after).Select(s => s.Kind switch
    {
        DiffKind.Inserted => $"[+{s.Text}]",
        DiffKind.Deleted => $"[-{s.Text}]",
        _ => s.Text,
    }));

    [Fact]
    public void An_appended_sentence_is_one_insertion_and_the_full_stop_after_the_old_last_word_is_its_own()
    {
        Assert.Equal("Arbeit im Lager[+. Mit Staplerschein.]", Show("Arbeit im Lager", "Arbeit im Lager. Mit Staplerschein."));
    }

    [Fact]
    public void A_replaced_word_in_the_middle_is_deleted_and_inserted_where_it_stands()
    {
        Assert.Equal("Drei [-Betriebe ][+Speditionen ]ansprechen", Show("Drei Betriebe ansprechen", "Drei Speditionen ansprechen"));
    }

    [Theory]
    [InlineData("", "Neu")]
    [InlineData("Alt", "")]
    [InlineData(null, "Neu")]
    [InlineData("Weiß-Özdemir zieht um", "Weiß-Özdemir ist umgezogen")]
    public void Joining_the_kept_and_inserted_parts_gives_the_new_text_and_kept_and_deleted_the_old(string? before, string after)
    {
        var segments = WordDiff.Between(before, after);

        Assert.Equal(after, string.Concat(segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
        Assert.Equal(before ?? "", string.Concat(segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
    }

    [Fact]
    public void Long_texts_with_a_change_far_inside_are_still_shown_in_full()
    {
        var start = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i}"));
        var segments = WordDiff.Between($"{start} alt", $"{start} neu");

        Assert.Equal($"{start} ", segments[0].Text);
        Assert.Equal([DiffKind.Same, DiffKind.Deleted, DiffKind.Inserted], segments.Select(s => s.Kind));
    }
}
