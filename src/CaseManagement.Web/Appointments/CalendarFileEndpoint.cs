using System.Security.Claims;
using CaseManagement.Application.Appointments;
using CaseManagement.Documents.Calendar;
using CaseManagement.Web.Account;
using CaseManagement.Web.Authorization;

namespace CaseManagement.Web.Appointments;

/// <summary>GET /termine/kalender.ics: the signed-in caseworker's own appointments for their calendar program.</summary>
public static class CalendarFileEndpoint
{
    public const string Path = "/termine/kalender.ics";

    public static IEndpointRouteBuilder MapAppointmentCalendarFile(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, DownloadAsync).RequireAuthorization(Policies.CaseWork);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(ClaimsPrincipal user, HttpContext http, AppointmentCalendarFile calendar, CancellationToken cancellationToken)
    {
        if (user.ToStaffMember() is not { } staff)
        {
            return Results.Forbid();
        }

        var appAddress = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        var file = await calendar.ForAsync(staff, appAddress, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(file, Rfc5545CalendarWriter.ContentType, "fallverbund-termine" + Rfc5545CalendarWriter.FileExtension);
    }
}
