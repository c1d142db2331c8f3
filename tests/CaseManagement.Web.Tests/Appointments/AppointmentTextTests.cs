using CaseManagement.Application.Appointments;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.Appointments;

namespace CaseManagement.Web.Tests.Appointments;

/// <summary>Blazor drops whitespace between elements: what a screen reader reads or a copy pastes must still be words.</summary>
public sealed class AppointmentTextTests : BunitContext
{
    [Fact]
    public void An_appointment_of_the_other_organisation_reads_as_separate_words()
    {
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var row = new ClientAppointmentRow(
            Guid.NewGuid(), start, start.AddMinutes(45), AppointmentType.JointCounselling, AppointmentOutcome.Open, null,
            "Beratungsraum 1", null, null, Organisation.Jobcenter, ["Jana Schneider"], MayEdit: false);

        var item = Render<ClientAppointmentItem>(p => p.Add(c => c.Row, row));

        var text = System.Text.RegularExpressions.Regex.Replace(item.Find("li").TextContent, @"\s+", " ");
        Assert.Contains("Gemeinsame Beratung (Jobcenter)", text, StringComparison.Ordinal);
        Assert.Contains("Beratungsraum 1 offen", text, StringComparison.Ordinal);
    }
}
