using System.Net;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// Every page and endpoint the application routes, taken from the application itself, requested
/// anonymously and as every role, against one table written out by hand. A new page or endpoint
/// fails here until someone decides who may reach it; which records a permitted role then sees is
/// the access decision's (AuthorizationMatrixTests and the feature tests).
/// </summary>
public sealed class EndpointAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Anonymous = "anonym";

    /// <summary>Who may reach what.</summary>
    private enum Reach
    {
        /// <summary>Everyone, signed in or not (sign-in, error pages, health).</summary>
        Public,

        /// <summary>Every signed-in staff member, of any role.</summary>
        AnyStaff,
        CaseWork,
        TeamLead,
        SteeringFigures,
        DataProtection,
        Administration,

        /// <summary>Caseworkers and team leads: the people joint trainings are for.</summary>
        Trainee,
    }

    // The specification, written out by hand: not computed from the policies it checks.
    private static readonly Dictionary<string, (string Method, Reach Reach)> Table = new(StringComparer.Ordinal)
    {
        ["/konto/anmelden"] = ("GET", Reach.Public),
        // Steps of the sign-in before a session exists: they act only on the short-lived pending
        // sign-in of the same browser (PendingSignIn) and otherwise show "sign in again".
        ["/konto/passwort-festlegen"] = ("GET", Reach.Public),
        ["/konto/zwei-faktor-einrichten"] = ("GET", Reach.Public),
        ["/konto/sicherheit"] = ("GET", Reach.AnyStaff),
        ["/fehler"] = ("GET", Reach.Public),
        // Static files (stylesheets, icons, blazor.web.js): the sign-in page needs them.
        ["{**path:file}"] = ("GET", Reach.Public),
        ["/nicht-gefunden"] = ("GET", Reach.AnyStaff),
        ["/health"] = ("GET", Reach.Public),
        // Whose sign-in the browser holds (reconnect.js): the caller's own id, empty for nobody.
        ["/konto/angemeldet-als"] = ("GET", Reach.Public),
        ["/konto/kein-zugriff"] = ("GET", Reach.AnyStaff),
        ["/konto/abmelden"] = ("POST", Reach.AnyStaff),
        ["/"] = ("GET", Reach.AnyStaff),
        ["/_blazor"] = ("GET", Reach.AnyStaff),
        ["/_blazor/negotiate"] = ("POST", Reach.AnyStaff),
        ["/_blazor/disconnect/"] = ("POST", Reach.AnyStaff),
        ["/_blazor/initializers/"] = ("GET", Reach.AnyStaff),
        ["/_framework/opaque-redirect"] = ("GET", Reach.AnyStaff),
        ["/klienten"] = ("GET", Reach.CaseWork),
        ["/klienten/neu"] = ("GET", Reach.CaseWork),
        ["/klienten/{Id:guid}"] = ("GET", Reach.CaseWork),
        ["/klienten/{Id:guid}/bearbeiten"] = ("GET", Reach.CaseWork),
        ["/klienten/{Id:guid}/einwilligung"] = ("GET", Reach.CaseWork),
        ["/klienten/{Id:guid}/hilfeplan"] = ("GET", Reach.CaseWork),
        ["/klienten/{Id:guid}/hilfeplan/fassung/{Version:int}"] = ("GET", Reach.CaseWork),
        ["/klienten/{clientId:guid}/hilfeplan/{version:int}/pdf"] = ("GET", Reach.CaseWork),
        ["/klienten/{Id:guid}/vermittlungen/neu"] = ("GET", Reach.CaseWork),
        ["/klienten/{clientId:guid}/einwilligungen/{consentId:guid}/scan"] = ("GET", Reach.CaseWork),
        ["/klienten/{clientId:guid}/einwilligungen/{consentId:guid}/formular.pdf"] = ("GET", Reach.CaseWork),
        ["/klienten/{Id:guid}/vermittlungen/{ReferralId:guid}"] = ("GET", Reach.CaseWork),
        ["/kontakt"] = ("GET", Reach.CaseWork),
        ["/termine"] = ("GET", Reach.CaseWork),
        ["/termine/neu"] = ("GET", Reach.CaseWork),
        ["/termine/{Id:guid}"] = ("GET", Reach.CaseWork),
        ["/termine/kalender.ics"] = ("GET", Reach.CaseWork),
        ["/netzwerkpartner"] = ("GET", Reach.CaseWork),
        ["/team"] = ("GET", Reach.TeamLead),
        ["/team/mitarbeitende/{StaffId}"] = ("GET", Reach.TeamLead),
        ["/team/faelle/{Id:guid}"] = ("GET", Reach.TeamLead),
        ["/team/dubletten"] = ("GET", Reach.TeamLead),
        // Within the page, a team lead sees their own team only (TrainingCoverageTests).
        ["/team/fortbildungen"] = ("GET", Reach.TeamLead),
        ["/fortbildungen"] = ("GET", Reach.Trainee),
        ["/kennzahlen"] = ("GET", Reach.SteeringFigures),
        ["/kennzahlen/export/csv"] = ("GET", Reach.SteeringFigures),
        ["/kennzahlen/export/pdf"] = ("GET", Reach.SteeringFigures),
        ["/kennzahlen/bedarfsanalyse"] = ("GET", Reach.SteeringFigures),
        ["/kennzahlen/bedarfsanalyse/export/csv"] = ("GET", Reach.SteeringFigures),
        // Within the section, a meeting is for its round's members and the team leads (SteeringRoundTests).
        ["/lenkungsrunden"] = ("GET", Reach.SteeringFigures),
        ["/lenkungsrunden/{Slug}"] = ("GET", Reach.SteeringFigures),
        ["/lenkungsrunden/{Slug}/neu"] = ("GET", Reach.SteeringFigures),
        ["/lenkungsrunden/sitzungen/{Id:guid}"] = ("GET", Reach.SteeringFigures),
        ["/lenkungsrunden/sitzungen/{meetingId:guid}/protokoll.pdf"] = ("GET", Reach.SteeringFigures),
        // Within the section, the municipal report is for the strategic round's members and the team leads (MunicipalReportTests).
        ["/lenkungsrunden/suchtbericht"] = ("GET", Reach.SteeringFigures),
        ["/lenkungsrunden/suchtbericht/{Year:int}"] = ("GET", Reach.SteeringFigures),
        ["/lenkungsrunden/suchtbericht/{year:int}/suchtbericht.pdf"] = ("GET", Reach.SteeringFigures),
        ["/datenschutz"] = ("GET", Reach.DataProtection),
        ["/datenschutz/verlauf"] = ("GET", Reach.DataProtection),
        ["/datenschutz/protokoll.csv"] = ("GET", Reach.DataProtection),
        ["/datenschutz/loeschlaeufe"] = ("GET", Reach.DataProtection),
        ["/datenschutz/auskunft"] = ("GET", Reach.DataProtection),
        ["/datenschutz/einwilligungen"] = ("GET", Reach.DataProtection),
        ["/datenschutz/auskunft/{clientId:guid}/json"] = ("GET", Reach.DataProtection),
        ["/datenschutz/auskunft/{clientId:guid}/pdf"] = ("GET", Reach.DataProtection),
        ["/verwaltung/konten"] = ("GET", Reach.Administration),
        ["/verwaltung/konten/neu"] = ("GET", Reach.Administration),
        ["/verwaltung/konten/{Id}"] = ("GET", Reach.Administration),
        ["/verwaltung/netzwerkpartner"] = ("GET", Reach.Administration),
        ["/verwaltung/aufbewahrung"] = ("GET", Reach.Administration),
        ["/verwaltung/lenkungsrunden"] = ("GET", Reach.Administration),
        ["/verwaltung/netzwerkpartner/neu"] = ("GET", Reach.Administration),
        ["/verwaltung/netzwerkpartner/{Id:guid}"] = ("GET", Reach.Administration),
        ["/verwaltung/fortbildungen"] = ("GET", Reach.Administration),
        ["/verwaltung/fortbildungen/neu"] = ("GET", Reach.Administration),
        ["/verwaltung/fortbildungen/{Id:guid}"] = ("GET", Reach.Administration),
        ["/verwaltung/fortbildungen/termine/{Id:guid}"] = ("GET", Reach.Administration),
    };

    private static readonly Dictionary<Reach, string[]> RolesOf = new()
    {
        [Reach.CaseWork] = [StaffRole.CaseManager, StaffRole.DrugHelpWorker],
        [Reach.TeamLead] = [StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp],
        [Reach.SteeringFigures] = [StaffRole.SteeringCommittee, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp],
        [Reach.DataProtection] = [StaffRole.DataProtectionOfficer],
        [Reach.Administration] = [StaffRole.Administrator],
        [Reach.Trainee] = [StaffRole.CaseManager, StaffRole.DrugHelpWorker, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp],
    };

    public static TheoryData<string> Visitors => new([Anonymous, .. StaffRole.All]);

    [Fact]
    public void Every_routed_page_and_endpoint_of_the_application_is_in_the_table()
    {
        var routed = RoutedPatterns();

        Assert.Empty(routed.Except(Table.Keys));
        Assert.Empty(Table.Keys.Except(routed));
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Each_visitor_reaches_exactly_what_the_table_allows(string visitor)
    {
        using var browser = StaffBrowser.Open(app);
        if (visitor != Anonymous)
        {
            var signIn = await browser.SignInAsync(DemoAccounts.All.Single(a => a.Role == visitor).Email, DemoAccounts.Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var wrong = new List<string>();
        foreach (var (pattern, (method, reach)) in Table.Where(t => t.Key != "/konto/abmelden"))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(pattern));
            var response = await browser.Client.SendAsync(request);
            var outcome = Outcome(response);
            var expected = Expected(visitor, reach);
            if (outcome != expected)
            {
                wrong.Add($"{method} {pattern}: expected {expected}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }

        Assert.True(wrong.Count == 0, $"{visitor}:\n{string.Join("\n", wrong)}");
    }

    private enum Result
    {
        Reached,
        SentToSignIn,
        Refused,
    }

    private static Result Expected(string visitor, Reach reach) => reach switch
    {
        Reach.Public => Result.Reached,
        _ when visitor == Anonymous => Result.SentToSignIn,
        Reach.AnyStaff => Result.Reached,
        _ => RolesOf[reach].Contains(visitor) ? Result.Reached : Result.Refused,
    };

    private static Result Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Result.SentToSignIn,
            HttpStatusCode.Redirect when location.Contains("/konto/anmelden", StringComparison.Ordinal) => Result.SentToSignIn,
            HttpStatusCode.Forbidden => Result.Refused,
            HttpStatusCode.Redirect when location.Contains("/konto/kein-zugriff", StringComparison.Ordinal) => Result.Refused,
            _ => Result.Reached,
        };
    }

    /// <summary>A request path for a route pattern: ids nobody has, version 1, a stylesheet for static files.</summary>
    private static string Concrete(string pattern) => pattern == "{**path:file}" ? "/css/app.css" : System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+)(:([a-z]+))?\}", match =>
        match.Groups[3].Value switch
        {
            "guid" => Guid.NewGuid().ToString(),
            "int" => "1",
            _ => "unbekannt",
        });

    private HashSet<string> RoutedPatterns() =>
        app.Factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => !endpoint.Metadata.Any(m => m.GetType().FullName!.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal)))
            .Select(endpoint => endpoint.RoutePattern.RawText!)
            .ToHashSet(StringComparer.Ordinal);
}
