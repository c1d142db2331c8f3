namespace CaseManagement.Application.Team;

// Glossary (German term of art → code):
//   Fallbelastung          → workload
//   Umverteilung / Übergabe → reassignment (of a case to another caseworker)
//   Fortschreibung         → review (of the help plan)

/// <summary>The figures of the team-lead view, each counted per staff member of the team lead's organisation.</summary>
public enum WorkloadFigure
{
    /// <summary>Clients the person is responsible for with an open episode.</summary>
    ActiveCases = 1,

    /// <summary>Help plans of the person's clients in draft (a first plan or a review not yet agreed).</summary>
    DraftPlans = 2,

    /// <summary>Plans in force whose review date (Fortschreibung) has passed.</summary>
    ReviewsOverdue = 3,

    /// <summary>Open steps of plans in force whose due date has passed.</summary>
    StepsOverdue = 4,

    /// <summary>Appointments the person takes part in, today and the six days after (not cancelled).</summary>
    AppointmentsNextSevenDays = 5,

    /// <summary>Appointments the person took part in during the last 30 days at which the client did not come.</summary>
    NoShowsLastThirtyDays = 6,

    /// <summary>Referrals of the person's clients that have waited at the hand-over for more than 30 days.</summary>
    ReferralsWaiting = 7,

    /// <summary>The person's active joint cases in which nobody of the other organisation is responsible yet.</summary>
    WithoutCounterpart = 8,
}

public static class WorkloadFigures
{
    public const int AppointmentDays = 7;
    public const int NoShowDays = 30;
    public const int ReferralWaitingDays = 30;

    public static IReadOnlyList<WorkloadFigure> All { get; } = Enum.GetValues<WorkloadFigure>();

    /// <summary>Column heading and tab label.</summary>
    public static string Label(this WorkloadFigure figure) => figure switch
    {
        WorkloadFigure.ActiveCases => "Laufende Fälle",
        WorkloadFigure.DraftPlans => "Hilfepläne im Entwurf",
        WorkloadFigure.ReviewsOverdue => "Fortschreibung überfällig",
        WorkloadFigure.StepsOverdue => "Schritte überfällig",
        WorkloadFigure.AppointmentsNextSevenDays => "Termine nächste 7 Tage",
        WorkloadFigure.NoShowsLastThirtyDays => "Nicht erschienen (30 Tage)",
        WorkloadFigure.ReferralsWaiting => "Vermittlungen über 30 Tage wartend",
        WorkloadFigure.WithoutCounterpart => "Andere Seite nicht besetzt",
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
    };

    /// <summary>What exactly is counted, for the note under the table and the top of the drill-down.</summary>
    public static string Explanation(this WorkloadFigure figure) => figure switch
    {
        WorkloadFigure.ActiveCases => "Klient:innen mit laufender Episode, für die die Person zuständig ist.",
        WorkloadFigure.DraftPlans => "Hilfepläne dieser Fälle, die als Entwurf noch nicht vereinbart sind (auch Fortschreibungen).",
        WorkloadFigure.ReviewsOverdue => "Geltende Hilfepläne dieser Fälle, deren Termin für die Fortschreibung vorbei ist.",
        WorkloadFigure.StepsOverdue => "Offene Schritte geltender Hilfepläne dieser Fälle, deren Fälligkeit vorbei ist (je Schritt gezählt).",
        WorkloadFigure.AppointmentsNextSevenDays => "Termine, an denen die Person teilnimmt, heute und in den sechs Tagen danach; ohne abgesagte.",
        WorkloadFigure.NoShowsLastThirtyDays => "Termine der letzten 30 Tage mit Teilnahme der Person, zu denen die Klientin bzw. der Klient nicht erschienen ist.",
        WorkloadFigure.ReferralsWaiting => "Vermittlungen dieser Fälle, die seit mehr als 30 Tagen angefragt sind und noch auf Aufnahme warten.",
        WorkloadFigure.WithoutCounterpart => "Laufende Fälle, in denen bei der anderen Organisation noch niemand zuständig ist: mit deren Teamleitung klären.",
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
    };

    /// <summary>The figure's name in addresses (/team/mitarbeitende/{id}?kennzahl=…).</summary>
    public static string Slug(this WorkloadFigure figure) => figure switch
    {
        WorkloadFigure.ActiveCases => "laufend",
        WorkloadFigure.DraftPlans => "entwuerfe",
        WorkloadFigure.ReviewsOverdue => "fortschreibungen",
        WorkloadFigure.StepsOverdue => "schritte",
        WorkloadFigure.AppointmentsNextSevenDays => "termine",
        WorkloadFigure.NoShowsLastThirtyDays => "nicht-erschienen",
        WorkloadFigure.ReferralsWaiting => "vermittlungen",
        WorkloadFigure.WithoutCounterpart => "andere-seite-offen",
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
    };

    public static WorkloadFigure? FromSlug(string? slug) =>
        All.Cast<WorkloadFigure?>().FirstOrDefault(f => string.Equals(f!.Value.Slug(), slug, StringComparison.Ordinal));
}
