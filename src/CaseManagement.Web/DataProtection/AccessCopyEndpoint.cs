using System.Security.Claims;
using CaseManagement.Application.AccessCopies;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.DataProtection;

/// <summary>
/// GET /datenschutz/auskunft/{clientId}/json?notizen=jobcenter,drogenhilfe: the Art. 15 copy of one
/// client as JSON, with the internal notes of the organisations named (none if left out). Only the
/// data-protection officer; compiling it is audited.
/// </summary>
public static class AccessCopyEndpoint
{
    public static IEndpointRouteBuilder MapAccessCopy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/datenschutz/auskunft/{clientId:guid}/json", JsonAsync).RequireAuthorization(Policies.DataProtection);
        return endpoints;
    }

    public static string JsonUrl(Guid clientId, AccessCopyOptions options)
    {
        var notes = new[] { options.JobcenterNotes ? "jobcenter" : null, options.DrugHelpNotes ? "drogenhilfe" : null }.OfType<string>().ToList();
        return $"/datenschutz/auskunft/{clientId}/json" + (notes.Count == 0 ? "" : "?notizen=" + string.Join(',', notes));
    }

    private static async Task<IResult> JsonAsync(Guid clientId, HttpContext http, ClaimsPrincipal user, AccessCopyQuery copies, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        var notes = http.Request.Query["notizen"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (notes.Any(n => n is not ("jobcenter" or "drogenhilfe")))
        {
            return Results.Text("Unbekannte Angabe bei „notizen“.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var copy = await copies.CompileAsync(staff, clientId, new AccessCopyOptions(notes.Contains("jobcenter"), notes.Contains("drogenhilfe")), "JSON", cancellationToken);
        if (copy is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(AccessCopyQuery.ToJson(copy), "application/json; charset=utf-8", $"auskunft-{copy.Person.CaseNumber}.json");
    }
}
