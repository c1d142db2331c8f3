using System.Security.Claims;
using CaseManagement.Application.Reports;
using CaseManagement.Domain;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;
using FluentValidation;

namespace CaseManagement.Web.Reports;

/// <summary>
/// GET /kennzahlen/bedarfsanalyse/export/csv with the period in the query string (as on the page):
/// the needs analysis for the operational steering round. Anonymised and perturbed like the page;
/// every download is audited; reachable by the same roles as the steering report.
/// </summary>
public static class NeedsAnalysisEndpoints
{
    public const string CsvPath = "/kennzahlen/bedarfsanalyse/export/csv";

    public static IEndpointRouteBuilder MapNeedsAnalysisExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, ExportAsync).RequireAuthorization(Policies.SteeringFigures);
        return endpoints;
    }

    public static string CsvUrl(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"{CsvPath}?{period.QueryString}";
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, ClaimsPrincipal user, NeedsAnalysisQuery query, IValidator<ReportPeriodInput> validator, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        var q = http.Request.Query;
        var input = ReportPeriodInput.FromQuery(q["zeitraum"], q["jahr"], q["monat"], q["quartal"], q["halbjahr"], GermanCalendar.DateOf(clock.GetUtcNow()));
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return Results.Text(string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct()), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var period = input.ToPeriod();
        var file = NeedsAnalysisExport.Csv(await query.RunAsync(period, cancellationToken));
        await query.RecordExportAsync(staff, period, "CSV", cancellationToken);

        // Anonymised figures, but still internal: no browser or proxy keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
