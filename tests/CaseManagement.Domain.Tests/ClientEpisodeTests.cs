using CaseManagement.Domain.Clients;

namespace CaseManagement.Domain.Tests;

public class ClientEpisodeTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static Client NewClient(string postalCode = "67059") => new()
    {
        Id = Guid.NewGuid(),
        CaseNumber = "LU-2026-00042",
        FirstName = "Hans",
        LastName = "Müller",
        BirthDate = new DateOnly(1990, 4, 12),
        PostalCode = postalCode,
        City = "Ludwigshafen am Rhein",
    };

    [Fact]
    public void Opening_an_episode_adds_it_as_the_open_one()
    {
        var client = NewClient();

        var episode = client.OpenNewEpisode(Today);

        Assert.Same(episode, client.OpenEpisode);
        Assert.Single(client.Episodes);
        Assert.Equal(client.Id, episode.ClientId);
        Assert.Equal(Today, episode.StartedOn);
        Assert.True(episode.IsOpen);
        Assert.NotEqual(Guid.Empty, episode.Id);
    }

    [Fact]
    public void A_second_open_episode_is_refused()
    {
        var client = NewClient();
        client.OpenNewEpisode(Today.AddDays(-10));

        Assert.Throws<InvalidOperationException>(() => client.OpenNewEpisode(Today));
        Assert.Single(client.Episodes);
    }

    [Fact]
    public void A_returning_client_opens_a_new_episode_on_the_same_record()
    {
        var client = NewClient();
        var first = client.OpenNewEpisode(Today.AddDays(-200));
        first.Close(Today.AddDays(-100), ClosureReason.ContactBrokenOff);

        var second = client.OpenNewEpisode(Today);

        Assert.Equal(2, client.Episodes.Count);
        Assert.Same(second, client.OpenEpisode);
        Assert.False(first.IsOpen);
    }

    [Fact]
    public void Closing_records_end_and_reason()
    {
        var episode = NewClient().OpenNewEpisode(Today.AddDays(-30));

        episode.Close(Today, ClosureReason.WorkTakenUp);

        Assert.False(episode.IsOpen);
        Assert.Equal(Today, episode.EndedOn);
        Assert.Equal(ClosureReason.WorkTakenUp, episode.ClosureReason);
    }

    [Fact]
    public void An_episode_may_end_on_the_day_it_started()
    {
        var episode = NewClient().OpenNewEpisode(Today);
        episode.Close(Today, ClosureReason.MovedAway);
        Assert.Equal(Today, episode.EndedOn);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var episode = NewClient().OpenNewEpisode(Today);

        Assert.Throws<ArgumentOutOfRangeException>(() => episode.Close(Today.AddDays(-1), ClosureReason.Other));
        Assert.True(episode.IsOpen);
        Assert.Null(episode.ClosureReason);
    }

    [Fact]
    public void Closing_twice_is_refused_and_keeps_the_first_closure()
    {
        var episode = NewClient().OpenNewEpisode(Today.AddDays(-30));
        episode.Close(Today.AddDays(-1), ClosureReason.RehabStarted);

        Assert.Throws<InvalidOperationException>(() => episode.Close(Today, ClosureReason.Other));
        Assert.Equal(Today.AddDays(-1), episode.EndedOn);
        Assert.Equal(ClosureReason.RehabStarted, episode.ClosureReason);
    }

    [Fact]
    public void RefreshDerivedFields_sets_the_folded_search_name_last_name_first()
    {
        var client = NewClient();
        client.FirstName = "  Ayşe ";
        client.LastName = "Çelik-Müller";

        client.RefreshDerivedFields();

        Assert.Equal("celik-mueller ayse", client.SearchName);
    }

    [Fact]
    public void A_client_inside_Ludwigshafen_needs_no_decision()
    {
        var client = NewClient("67061");
        client.RefreshDerivedFields();
        Assert.Equal(TargetAreaDecision.NotNeeded, client.TargetAreaDecision);
    }

    [Fact]
    public void Moving_outside_asks_for_a_decision_and_moving_back_drops_it()
    {
        var client = NewClient();
        client.RefreshDerivedFields();

        client.PostalCode = "68159";
        client.RefreshDerivedFields();
        Assert.Equal(TargetAreaDecision.Pending, client.TargetAreaDecision);

        client.PostalCode = "67059";
        client.RefreshDerivedFields();
        Assert.Equal(TargetAreaDecision.NotNeeded, client.TargetAreaDecision);
    }

    [Theory]
    [InlineData(TargetAreaDecision.Pending)]
    [InlineData(TargetAreaDecision.Approved)]
    [InlineData(TargetAreaDecision.Rejected)]
    public void A_decision_survives_a_refresh_while_the_client_still_lives_outside(TargetAreaDecision decision)
    {
        var client = NewClient("68159");
        client.TargetAreaDecision = decision;

        client.RefreshDerivedFields();
        Assert.Equal(decision, client.TargetAreaDecision);

        client.PostalCode = "67346"; // Speyer: still outside
        client.RefreshDerivedFields();
        Assert.Equal(decision, client.TargetAreaDecision);
    }

    [Fact]
    public void An_approval_is_no_longer_needed_once_the_client_lives_inside()
    {
        var client = NewClient("68159");
        client.TargetAreaDecision = TargetAreaDecision.Approved;

        client.PostalCode = " 67063 ";
        client.RefreshDerivedFields();

        Assert.Equal(TargetAreaDecision.NotNeeded, client.TargetAreaDecision);
    }
}
