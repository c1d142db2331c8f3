using CaseManagement.Domain;
using CaseManagement.Domain.Steering;
using FluentValidation;

namespace CaseManagement.Application.Steering;

/// <summary>A meeting as the form edits it.</summary>
public sealed class MeetingInput
{
    public DateOnly? HeldOn { get; set; }

    public string? Participants { get; set; }

    public string? Agenda { get; set; }

    public string? Minutes { get; set; }

    public string? Decisions { get; set; }

    /// <summary>The writer has seen the warning about personal data and saves all the same.</summary>
    public bool ConfirmedNoPersonalData { get; set; }

    public static MeetingInput From(MeetingView meeting) => new()
    {
        HeldOn = meeting.HeldOn,
        Participants = meeting.Participants,
        Agenda = meeting.Agenda,
        Minutes = meeting.Minutes,
        Decisions = meeting.Decisions,
    };
}

/// <summary>A measure as the form edits it.</summary>
public sealed class MeasureInput
{
    public string? What { get; set; }

    public string? Who { get; set; }

    public DateOnly? DueBy { get; set; }

    public MeasureStatus Status { get; set; } = MeasureStatus.Open;

    /// <summary>Key of the steering report table that motivated it; empty for none.</summary>
    public string? Figure { get; set; }

    public bool ConfirmedNoPersonalData { get; set; }

    public static MeasureInput From(MeasureView measure) => new()
    {
        What = measure.What,
        Who = measure.Who,
        DueBy = measure.DueBy,
        Status = measure.Status,
        Figure = measure.Figure,
    };
}

internal sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.HeldOn).NotNull().WithMessage("Bitte geben Sie das Datum der Sitzung an.")
            .Must(day => day is null || (day.Value.Year >= 2020 && day.Value <= GermanCalendar.DateOf(clock.GetUtcNow()).AddYears(1)))
            .WithMessage("Das Datum der Sitzung muss zwischen 2020 und einem Jahr ab heute liegen.");
        RuleFor(x => x.Participants).FreeText("Teilnehmende", SteeringMeeting.ParticipantsMaxLength);
        RuleFor(x => x.Agenda).FreeText("Tagesordnung", SteeringMeeting.AgendaMaxLength);
        RuleFor(x => x.Minutes).FreeText("Protokoll", SteeringMeeting.MinutesMaxLength);
        RuleFor(x => x.Decisions).FreeText("Beschlüsse", SteeringMeeting.MinutesMaxLength);
    }
}

internal sealed class MeasureInputValidator : AbstractValidator<MeasureInput>
{
    public MeasureInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.What).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte beschreiben Sie die Maßnahme.")
            .FreeText("Maßnahme", SteeringMeasure.WhatMaxLength);
        RuleFor(x => x.Who).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte nennen Sie, wer die Maßnahme umsetzt.")
            .FreeText("Verantwortlich", SteeringMeasure.WhoMaxLength);
        RuleFor(x => x.DueBy)
            .Must(day => day is null || (day.Value.Year >= 2020 && day.Value <= GermanCalendar.DateOf(clock.GetUtcNow()).AddYears(5)))
            .WithMessage("„Bis wann“ muss zwischen 2020 und fünf Jahren ab heute liegen.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Bitte wählen Sie einen Stand.");
        RuleFor(x => x.Figure)
            .Must(key => string.IsNullOrEmpty(key) || SteeringFigures.Titles.ContainsKey(key))
            .WithMessage("Bitte wählen Sie eine Kennzahl aus der Liste.");
    }
}
