namespace CaseManagement.Domain.Referrals;

/// <summary>The German words people read for the referral enums (same pattern as <c>OrganisationNames</c>).</summary>
public static class ReferralNames
{
    public static string German(this PartnerType type) => type switch
    {
        PartnerType.DebtCounselling => "Schuldnerberatung",
        PartnerType.AddictionHelpNetwork => "Suchthilfenetzwerk",
        PartnerType.HepatitisCInitiative => "Hepatitis-C-Initiative",
        PartnerType.YouthEmploymentAgency => "Jugendberufsagentur",
        PartnerType.SubstitutionPractice => "Substitutionspraxis",
        PartnerType.OutpatientRehab => "Ambulante Suchtrehabilitation",
        PartnerType.InpatientRehabClinic => "Stationäre Suchtrehabilitation (Reha-Klinik)",
        PartnerType.HomelessHelp => "Wohnungslosenhilfe",
        PartnerType.YouthWelfare => "Jugendhilfe",
        PartnerType.DisabilityHelp => "Eingliederungshilfe (Behindertenhilfe)",
        PartnerType.ElderCare => "Altenhilfe",
        PartnerType.Other => "Sonstige Stelle",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string German(this ReferralStatus status) => status switch
    {
        ReferralStatus.Proposed => "vorgeschlagen",
        ReferralStatus.Requested => "angefragt",
        ReferralStatus.AppointmentAgreed => "Termin vereinbart",
        ReferralStatus.Admitted => "aufgenommen",
        ReferralStatus.Completed => "abgeschlossen",
        ReferralStatus.Declined => "abgelehnt",
        ReferralStatus.DroppedOut => "abgebrochen",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
