using CaseManagement.Application.Clients;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>The warnings a caseworker must confirm before a client is registered, and the team lead's decision.</summary>
public sealed class ClientRegistrationWarningTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_look_alike_is_named_when_the_user_may_know_of_it_and_registered_only_after_confirmation()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Dublette");
        var registration = app.Service<ClientRegistration>();
        var first = await registration.RegisterAsync(caseManager, Input("Jürgen", "Müller", new DateOnly(1988, 5, 4)));
        Assert.True(first.Succeeded, first.Message);

        var lookAlike = await registration.RegisterAsync(caseManager, Input("Juergen", "Mueller", new DateOnly(1988, 5, 4)));

        var warning = Assert.Single(lookAlike.Warnings);
        Assert.Equal(ClientWarnings.PossibleDuplicate, warning.Code);
        Assert.Contains(first.Value!.CaseNumber, warning.Message);
        Assert.Null(lookAlike.Value);

        var confirmed = Input("Juergen", "Mueller", new DateOnly(1988, 5, 4));
        confirmed.ConfirmedNotDuplicate = true;
        var second = await registration.RegisterAsync(caseManager, confirmed);
        Assert.True(second.Succeeded, second.Message);
        Assert.NotEqual(first.Value.CaseNumber, second.Value!.CaseNumber);
    }

    [Fact]
    public async Task A_look_alike_of_someone_else_is_not_revealed()
    {
        var registration = app.Service<ClientRegistration>();
        var owner = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Eigen");
        var stranger = await app.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Fremd");
        var existing = await registration.RegisterAsync(owner, Input("Aylin", "Demirtaş", new DateOnly(2001, 11, 30)));

        var attempt = await registration.RegisterAsync(stranger, Input("Aylin", "Demirtas", new DateOnly(2001, 11, 30)));

        Assert.True(existing.Succeeded, existing.Message);
        Assert.Empty(attempt.Warnings);
        Assert.True(attempt.Succeeded, attempt.Message);
    }

    [Fact]
    public async Task A_client_from_outside_the_city_waits_for_the_team_lead_of_the_organisation()
    {
        var caseManager = await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanager Umland");
        var teamLead = await app.DemoMemberAsync(StaffRole.TeamLeadJobcenter);
        var otherTeamLead = await app.DemoMemberAsync(StaffRole.TeamLeadDrugHelp);
        var registration = app.Service<ClientRegistration>();
        var input = Input("Lena", "Vogt", new DateOnly(1979, 2, 1), postalCode: "68159", city: "Mannheim");

        var warned = await registration.RegisterAsync(caseManager, input);
        Assert.Equal(ClientWarnings.OutsideTargetArea, Assert.Single(warned.Warnings).Code);

        input.ConfirmedOutsideTargetArea = true;
        var registered = await registration.RegisterAsync(caseManager, input);
        Assert.True(registered.Succeeded, registered.Message);
        var id = registered.Value!.Id;
        Assert.Equal(TargetAreaDecision.Pending, await DecisionAsync(id));

        var reviews = await app.Service<TargetAreaReviews>().OpenForAsync(teamLead);
        var review = Assert.Single(reviews, r => r.ClientId == id);
        Assert.Equal("Lena Vogt", review.DisplayName);
        Assert.DoesNotContain(await app.Service<TargetAreaReviews>().OpenForAsync(otherTeamLead), r => r.ClientId == id);
        Assert.True((await registration.DecideTargetAreaAsync(caseManager, id, approve: true)).NotFound);

        var decided = await registration.DecideTargetAreaAsync(teamLead, id, approve: true);

        Assert.True(decided.Succeeded, decided.Message);
        Assert.Equal(TargetAreaDecision.Approved, await DecisionAsync(id));
        Assert.DoesNotContain(await app.Service<TargetAreaReviews>().OpenForAsync(teamLead), r => r.ClientId == id);
    }

    private async Task<TargetAreaDecision> DecisionAsync(Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.Clients.Where(c => c.Id == clientId).Select(c => c.TargetAreaDecision).SingleAsync();
    }

    private static ClientInput Input(string first, string last, DateOnly birthDate, string postalCode = "67061", string city = "Ludwigshafen am Rhein") => new()
    {
        FirstName = first,
        LastName = last,
        BirthDate = birthDate,
        PostalCode = postalCode,
        City = city,
    };
}
