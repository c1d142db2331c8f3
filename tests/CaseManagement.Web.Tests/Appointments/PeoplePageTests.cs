using CaseManagement.Application.Appointments;
using CaseManagement.Application.Clients;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Web.Tests.Appointments;

public sealed class PeoplePageTests
{
    private static readonly IReadOnlyList<StaffRef> Sixty =
        [.. Enumerable.Range(1, 60).Reverse().Select(i => new StaffRef($"id-{i:00}", $"Person {i:00}", Organisation.Jobcenter))];

    [Fact]
    public void Pages_follow_each_other_in_name_order_without_a_gap_or_a_repeat()
    {
        var first = PeoplePage.Of(Sixty, after: null);
        var second = PeoplePage.Of(Sixty, first.NextAfter);
        var third = PeoplePage.Of(Sixty, second.NextAfter);

        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"Person {i:00}"), first.Shown.Concat(second.Shown).Concat(third.Shown).Select(p => p.DisplayName));
        Assert.Equal("Personen 1–25 von 60", first.Label);
        Assert.Equal("Personen 26–50 von 60", second.Label);
        Assert.Equal("Personen 51–60 von 60", third.Label);
        Assert.False(first.HasPrevious);
        Assert.Null(third.NextAfter);
    }

    [Fact]
    public void The_previous_link_leads_back_to_the_page_before()
    {
        var second = PeoplePage.Of(Sixty, PeoplePage.Of(Sixty, after: null).NextAfter);
        var third = PeoplePage.Of(Sixty, second.NextAfter);

        Assert.True(second.HasPrevious);
        Assert.Null(second.PreviousAfter);
        Assert.Equal(second.Shown, PeoplePage.Of(Sixty, third.PreviousAfter).Shown);
    }

    [Fact]
    public void A_team_that_fits_on_one_page_needs_no_paging()
    {
        var page = PeoplePage.Of(Sixty.Take(15), after: null);

        Assert.Equal(15, page.Shown.Count);
        Assert.Null(page.Label);
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public void A_cursor_of_someone_not_in_the_list_starts_at_the_beginning()
    {
        var page = PeoplePage.Of(Sixty, after: "someone-else");

        Assert.Equal("Person 01", page.Shown[0].DisplayName);
    }

    [Fact]
    public void A_cursor_after_the_last_person_shows_the_last_page_rather_than_an_empty_one()
    {
        var page = PeoplePage.Of(Sixty, after: "id-60");

        Assert.Equal("Personen 36–60 von 60", page.Label);
        Assert.Null(page.NextAfter);
    }

    [Fact]
    public void Names_are_ordered_as_in_German()
    {
        StaffRef[] people = [new("a", "Zimmer", Organisation.Jobcenter), new("b", "Özdemir", Organisation.Jobcenter), new("c", "Ostrowski", Organisation.Jobcenter), new("d", "Pohl", Organisation.Jobcenter)];

        Assert.Equal(["Ostrowski", "Özdemir", "Pohl", "Zimmer"], PeoplePage.Of(people, after: null).Shown.Select(p => p.DisplayName));
    }
}
