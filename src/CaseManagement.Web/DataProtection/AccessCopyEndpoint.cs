using System.Security.Claims;
using CaseManagement.Application.AccessCopies;
using CaseManagement.Documents.AccessCopies;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.DataProtection;

/// <summary>
/// GET /datenschutz/auskunft/{clientId}/json?notizen=jobcenter,drogenhilfe (and …/pdf): the Art. 15
/// copy of one client as JSON for a machine or as a tagged PDF for the person, with the internal
/// notes of the organisations named (none if left out). Only the data-protection officer; compiling
/// it is audited with its format.
/// </summary>
public static class AccessCopyEndpoint
{
    public static IEndpointRouteBuilder MapAccessCopy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/datenschutz/auskunft/{clientId:guid}/json", JsonAsync).RequireAuthorization(Policies.DataProtection);
        endpoints.MapGet("/datenschutz/auskunft/{clientId:guid}/pdf", PdfAsync).RequireAuthorization(Policies.DataProtection);
        return endpoints;
    }

    public static string JsonUrl(Guid clientId, AccessCopyOptions options) => Url(clientId, "json", options);

    public static string PdfUrl(Guid clientId, AccessCopyOptions options) => Url(clientId, "pdf", options);

    private static string Url(Guid clientId, string format, AccessCopyOptions options)
    {
        var notes = new[] { options.JobcenterNotes ? "jobcenter" : null, options.DrugHelpNotes ? "drogenhilfe" : null }.OfType<string>().ToList();
        return $"/datenschutz/auskunft/{clientId}/{format}" + (notes.Count == 0 ? "" : "?notizen=" + string.Join(',', notes));
    }

    private static Task<IResult> JsonAsync(Guid clientId, HttpContext http, ClaimsPrincipal user, AccessCopyQuery copies, CancellationToken cancellationToken) =>
        CopyAsync(clientId, "JSON", http, user, copies, copy => Results.File(AccessCopyQuery.ToJson(copy), "application/json; charset=utf-8", $"auskunft-{copy.Person.CaseNumber}.json"), cancellationToken);

    private static Task<IResult> PdfAsync(Guid clientId, HttpContext http, ClaimsPrincipal user, AccessCopyQuery copies, CancellationToken cancellationToken) =>
        CopyAsync(clientId, "PDF", http, user, copies, copy => Results.File(AccessCopyPdf.Render(AccessCopyPrint.ToDocument(copy)), "application/pdf", $"auskunft-{copy.Person.CaseNumber}.pdf"), cancellationToken);

    private static async Task<IResult> CopyAsync(
        Guid clientId, string format, HttpContext http, ClaimsPrincipal user, AccessCopyQuery copies, Func<AccessCopy, IResult> result, CancellationToken cancellationToken)
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

        var copy = await copies.CompileAsync(staff, clientId, new AccessCopyOptions(notes.Contains("jobcenter"), notes.Contains("drogenhilfe")), format, cancellationToken);
        if (copy is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        return result(copy);
    }
}
