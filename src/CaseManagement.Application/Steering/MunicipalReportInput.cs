using CaseManagement.Domain.Steering;
using FluentValidation;

namespace CaseManagement.Application.Steering;

/// <summary>The municipal report's narratives and status as the form edits them.</summary>
public sealed class MunicipalReportInput
{
    public string? Introduction { get; set; }

    public string? CasesAndHelp { get; set; }

    public string? NetworkAndNeeds { get; set; }

    public string? Trainings { get; set; }

    public string? SteeringMeasures { get; set; }

    public string? Outlook { get; set; }

    public MunicipalReportStatus Status { get; set; } = MunicipalReportStatus.Draft;

    /// <summary>The writer has seen the warning about personal data and saves all the same.</summary>
    public bool ConfirmedNoPersonalData { get; set; }

    public IEnumerable<string?> Narratives => Enum.GetValues<MunicipalReportChapter>().Select(Narrative);

    public string? Narrative(MunicipalReportChapter chapter) => chapter switch
    {
        MunicipalReportChapter.Introduction => Introduction,
        MunicipalReportChapter.CasesAndHelp => CasesAndHelp,
        MunicipalReportChapter.NetworkAndNeeds => NetworkAndNeeds,
        MunicipalReportChapter.Trainings => Trainings,
        MunicipalReportChapter.SteeringMeasures => SteeringMeasures,
        MunicipalReportChapter.Outlook => Outlook,
        _ => throw new ArgumentOutOfRangeException(nameof(chapter), chapter, null),
    };

    /// <summary>The label the form shows above the chapter's text (and the validator's messages name): "Text zu Kapitel 3 – Netzwerk und Bedarf".</summary>
    public static string Label(MunicipalReportChapter chapter) => $"Text zu Kapitel {(int)chapter} – {chapter.German()}";

    public static MunicipalReportInput From(MunicipalReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new()
        {
            Introduction = report.Narrative(MunicipalReportChapter.Introduction),
            CasesAndHelp = report.Narrative(MunicipalReportChapter.CasesAndHelp),
            NetworkAndNeeds = report.Narrative(MunicipalReportChapter.NetworkAndNeeds),
            Trainings = report.Narrative(MunicipalReportChapter.Trainings),
            SteeringMeasures = report.Narrative(MunicipalReportChapter.SteeringMeasures),
            Outlook = report.Narrative(MunicipalReportChapter.Outlook),
            Status = report.Status,
        };
    }
}

internal sealed class MunicipalReportInputValidator : AbstractValidator<MunicipalReportInput>
{
    public MunicipalReportInputValidator()
    {
        RuleFor(x => x.Introduction).FreeText(MunicipalReportInput.Label(MunicipalReportChapter.Introduction), MunicipalReport.NarrativeMaxLength);
        RuleFor(x => x.CasesAndHelp).FreeText(MunicipalReportInput.Label(MunicipalReportChapter.CasesAndHelp), MunicipalReport.NarrativeMaxLength);
        RuleFor(x => x.NetworkAndNeeds).FreeText(MunicipalReportInput.Label(MunicipalReportChapter.NetworkAndNeeds), MunicipalReport.NarrativeMaxLength);
        RuleFor(x => x.Trainings).FreeText(MunicipalReportInput.Label(MunicipalReportChapter.Trainings), MunicipalReport.NarrativeMaxLength);
        RuleFor(x => x.SteeringMeasures).FreeText(MunicipalReportInput.Label(MunicipalReportChapter.SteeringMeasures), MunicipalReport.NarrativeMaxLength);
        RuleFor(x => x.Outlook).FreeText(MunicipalReportInput.Label(MunicipalReportChapter.Outlook), MunicipalReport.NarrativeMaxLength);
        RuleFor(x => x.Status).IsInEnum().WithMessage("Bitte wählen Sie einen Stand des Berichts.");
    }
}
