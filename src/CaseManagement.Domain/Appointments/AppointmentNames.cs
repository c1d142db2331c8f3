namespace CaseManagement.Domain.Appointments;

/// <summary>The German words people read for the appointment enums (same pattern as <c>OrganisationNames</c>).</summary>
public static class AppointmentNames
{
    public static string German(this AppointmentType type) => type switch
    {
        AppointmentType.JointCounselling => "Gemeinsame Beratung",
        AppointmentType.JobcenterOnly => "Beratung Jobcenter",
        AppointmentType.DrugHelpOnly => "Beratung Drogenhilfe",
        AppointmentType.Outreach => "Aufsuchender Kontakt",
        AppointmentType.Accompaniment => "Begleitung",
        AppointmentType.CrisisIntervention => "Krisenintervention",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string German(this AppointmentOutcome outcome) => outcome switch
    {
        AppointmentOutcome.Open => "offen",
        AppointmentOutcome.Attended => "wahrgenommen",
        AppointmentOutcome.NoShow => "nicht erschienen",
        AppointmentOutcome.Cancelled => "abgesagt",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string German(this CancelledBy cancelledBy) => cancelledBy switch
    {
        CancelledBy.Client => "Klient:in",
        CancelledBy.Jobcenter => "Jobcenter",
        CancelledBy.DrugHelpService => "Drogenhilfe",
        CancelledBy.OtherParty => "andere Stelle",
        _ => throw new ArgumentOutOfRangeException(nameof(cancelledBy), cancelledBy, null),
    };
}
