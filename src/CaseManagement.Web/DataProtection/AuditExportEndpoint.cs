using System.Globalization;
using System.Security.Claims;
using CaseManagement.Application.Audit;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;
using FluentValidation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CaseManagement.Web.DataProtection;

/// <summary>
/// GET /datenschutz/protokoll.csv with the audit log's filter in the query string: the filtered view
/// as CSV for an inspection. A person is named by the client ids a name lookup found, never by the
/// name, so no name ends up in a link, a browser history or a proxy log. Every export is audited.
/// </summary>
public static class AuditExportEndpoint
{
    public const string Path = "/datenschutz/protokoll.csv";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization(Policies.DataProtection);
        return endpoints;
    }

    public static string CsvUrl(AuditFilter filter, IReadOnlyList<FoundCase>? person)
    {
        var query = new Dictionary<string, string?>
        {
            ["benutzer"] = filter.User,
            ["fall"] = filter.CaseNumber,
            ["aktion"] = filter.Action is { } action ? ((int)action).ToString(CultureInfo.InvariantCulture) : null,
            ["organisation"] = filter.Organisation is { } organisation ? ((int)organisation).ToString(CultureInfo.InvariantCulture) : null,
            ["von"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["bis"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["personen"] = person is null ? null : string.Join('.', person.Take(PersonLookup.MaxHits).Select(p => p.ClientId.ToString("N"))),
        };
        return QueryHelpers.AddQueryString(Path, query.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, StringValues>(p.Key, p.Value)));
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, ClaimsPrincipal user, AuditExport export, IValidator<AuditFilterInput> validator, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        var q = http.Request.Query;
        var input = new AuditFilterInput
        {
            User = q["benutzer"],
            CaseNumber = q["fall"],
            Action = Number(q["aktion"]) is { } action ? (AuditAction)action : null,
            Organisation = Number(q["organisation"]) is { } organisation ? (Organisation)organisation : null,
            From = Day(q["von"]),
            To = Day(q["bis"]),
        };
        var validation = await validator.ValidateAsync(input, cancellationToken);
        var person = q["personen"].ToString();
        var ids = person.Length == 0 ? null : person.Split('.').Select(p => Guid.TryParseExact(p, "N", out var id) ? id : (Guid?)null).ToList();
        if (!validation.IsValid || ids is not null && (ids.Count > PersonLookup.MaxHits || ids.Any(id => id is null)))
        {
            return Results.Text("Der Filter ist ungültig.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var filter = input.ToFilter(ids is null ? null : new AuditPerson([], []));
        var file = await export.CsvAsync(staff, filter, ids?.Select(id => id!.Value).ToList(), cancellationToken);
        if (file is null)
        {
            return Results.Forbid();
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }

    private static int? Number(StringValues value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateOnly? Day(StringValues value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
