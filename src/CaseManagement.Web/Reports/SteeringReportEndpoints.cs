using System.Security.Claims;
using CaseManagement.Application.Reports;
using CaseManagement.Domain;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;
using FluentValidation;

namespace CaseManagement.Web.Reports;

/// <summary>
/// GET /kennzahlen/export/csv and /kennzahlen/export/pdf with the period in the query string (as on
/// the page, see <see cref="ReportPeriodInput"/>): the steering report for meetings and the
/// municipal addiction report. Anonymised and perturbed like the page; every download is audited.
/// </summary>
public static class SteeringReportEndpoints
{
    public const string CsvPath = "/kennzahlen/export/csv";
    public const string PdfPath = "/kennzahlen/export/pdf";

    public static IEndpointRouteBuilder MapSteeringReportExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, (HttpContext http, ClaimsPrincipal user, SteeringReportQuery query, IValidator<ReportPeriodInput> validator, TimeProvider clock, CancellationToken cancellationToken) =>
                ExportAsync(http, user, query, validator, clock, "CSV", SteeringReportExport.Csv, cancellationToken))
            .RequireAuthorization(Policies.SteeringFigures);
        endpoints.MapGet(PdfPath, (HttpContext http, ClaimsPrincipal user, SteeringReportQuery query, IValidator<ReportPeriodInput> validator, TimeProvider clock, CancellationToken cancellationToken) =>
                ExportAsync(http, user, query, validator, clock, "PDF", SteeringReportExport.Pdf, cancellationToken))
            .RequireAuthorization(Policies.SteeringFigures);
        return endpoints;
    }

    /// <summary>The query string of a download link for <paramref name="period"/>.</summary>
    public static string CsvUrl(ReportPeriod period) => $"{CsvPath}?{period.QueryString}";

    public static string PdfUrl(ReportPeriod period) => $"{PdfPath}?{period.QueryString}";

    private static async Task<IResult> ExportAsync(
        HttpContext http, ClaimsPrincipal user, SteeringReportQuery query, IValidator<ReportPeriodInput> validator, TimeProvider clock,
        string format, Func<SteeringReport, ReportFile> render, CancellationToken cancellationToken)
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
        var report = await query.RunAsync(period, cancellationToken);
        var file = render(report);
        await query.RecordExportAsync(staff, period, format, cancellationToken);

        // Anonymised figures, but still internal: no browser or proxy keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
