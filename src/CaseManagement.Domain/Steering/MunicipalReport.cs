using CaseManagement.Domain.Concurrency;

namespace CaseManagement.Domain.Steering;

// Glossary (German term of art → code):
//   kommunaler Suchtbericht → municipal (addiction) report
//   Kapitel                 → chapter
//   Entwurf / veröffentlicht → draft / published

/// <summary>The chapters of the municipal addiction report, in the order they are printed.</summary>
public enum MunicipalReportChapter
{
    Introduction = 1,
    CasesAndHelp = 2,
    NetworkAndNeeds = 3,
    Trainings = 4,
    SteeringMeasures = 5,
    Outlook = 6,
}

public enum MunicipalReportStatus
{
    Draft = 1,
    Published = 2,
}

public static class MunicipalReportLabels
{
    public static string German(this MunicipalReportChapter chapter) => chapter switch
    {
        MunicipalReportChapter.Introduction => "Einleitung und Überblick",
        MunicipalReportChapter.CasesAndHelp => "Fälle und Hilfen",
        MunicipalReportChapter.NetworkAndNeeds => "Netzwerk und Bedarf",
        MunicipalReportChapter.Trainings => "Gemeinsame Fortbildungen",
        MunicipalReportChapter.SteeringMeasures => "Lenkungsrunden: Beschlüsse und Maßnahmen",
        MunicipalReportChapter.Outlook => "Ausblick",
        _ => throw new ArgumentOutOfRangeException(nameof(chapter), chapter, null),
    };

    public static string German(this MunicipalReportStatus status) => status switch
    {
        MunicipalReportStatus.Draft => "Entwurf",
        MunicipalReportStatus.Published => "veröffentlicht",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>
/// The yearly municipal addiction report (kommunaler Suchtbericht) of the strategic steering round:
/// one per calendar year, with a narrative per chapter. Its figures are not stored: they come from
/// the steering report, the trainings and the rounds' measures whenever the report is printed.
/// </summary>
public class MunicipalReport : IRowVersioned
{
    /// <summary>Per chapter's narrative; well below the 100,000 characters a pasted document may bring.</summary>
    public const int NarrativeMaxLength = 20000;

    public Guid Id { get; set; }

    public int Year { get; set; }

    public MunicipalReportStatus Status { get; set; } = MunicipalReportStatus.Draft;

    public string Introduction { get; set; } = "";

    public string CasesAndHelp { get; set; } = "";

    public string NetworkAndNeeds { get; set; } = "";

    public string Trainings { get; set; } = "";

    public string SteeringMeasures { get; set; } = "";

    public string Outlook { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }

    public uint RowVersion { get; set; }

    public string Narrative(MunicipalReportChapter chapter) => chapter switch
    {
        MunicipalReportChapter.Introduction => Introduction,
        MunicipalReportChapter.CasesAndHelp => CasesAndHelp,
        MunicipalReportChapter.NetworkAndNeeds => NetworkAndNeeds,
        MunicipalReportChapter.Trainings => Trainings,
        MunicipalReportChapter.SteeringMeasures => SteeringMeasures,
        MunicipalReportChapter.Outlook => Outlook,
        _ => throw new ArgumentOutOfRangeException(nameof(chapter), chapter, null),
    };
}
