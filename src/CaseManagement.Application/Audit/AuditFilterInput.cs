using CaseManagement.Domain;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using FluentValidation;

namespace CaseManagement.Application.Audit;

/// <summary>The audit log's filter form. A person's name is only used to find their case numbers (<see cref="PersonLookup"/>).</summary>
public sealed class AuditFilterInput
{
    public const int UserMaxLength = 100;
    public const int CaseNumberMaxLength = 20;
    public const int PersonNameMaxLength = 200;

    public string? User { get; set; }

    public string? CaseNumber { get; set; }

    /// <summary>Name of the person the officer is asked about (Auskunftsersuchen, Beschwerde).</summary>
    public string? PersonName { get; set; }

    public DateOnly? PersonBirthDate { get; set; }

    public AuditAction? Action { get; set; }

    public Organisation? Organisation { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public AuditFilter ToFilter(AuditPerson? person) => new()
    {
        User = TextRules.TrimToNull(User),
        CaseNumber = TextRules.TrimToNull(CaseNumber),
        Action = Action,
        Organisation = Organisation,
        Person = person,
        From = From,
        To = To,
    };

    /// <summary>The filter in words for an export, without the person's name: "Person: LU-2026-00042; Aktion: geöffnet".</summary>
    public static string Describe(AuditFilter filter)
    {
        var parts = new List<string>();
        if (filter.Person is { } person)
        {
            parts.Add($"Person: {(person.CaseNumbers.Count == 0 ? "kein Fall gefunden" : string.Join(", ", person.CaseNumbers))}");
        }

        if (filter.CaseNumber is { } caseNumber)
        {
            parts.Add($"Fallnummer enthält: {caseNumber}");
        }

        if (filter.User is { } user)
        {
            parts.Add($"Mitarbeiter:in: {user}");
        }

        if (filter.Action is { } action)
        {
            parts.Add($"Aktion: {GermanLabels.Of(action)}");
        }

        if (filter.Organisation is { } organisation)
        {
            parts.Add($"Organisation: {organisation.German()}");
        }

        if (filter.From is not null || filter.To is not null)
        {
            parts.Add($"Zeitraum: {(filter.From is { } from ? GermanCalendar.Format(from) : "…")}–{(filter.To is { } to ? GermanCalendar.Format(to) : "…")}");
        }

        return parts.Count == 0 ? "ohne Filter" : string.Join("; ", parts);
    }
}

public sealed class AuditFilterInputValidator : AbstractValidator<AuditFilterInput>
{
    public AuditFilterInputValidator()
    {
        RuleFor(x => x.User).FreeText("Mitarbeiter:in", AuditFilterInput.UserMaxLength);
        RuleFor(x => x.CaseNumber).FreeText("Fallnummer", AuditFilterInput.CaseNumberMaxLength);
        RuleFor(x => x.PersonName).FreeText("Name der Person", AuditFilterInput.PersonNameMaxLength);
        RuleFor(x => x.PersonBirthDate).Must((x, born) => born is null || !string.IsNullOrWhiteSpace(x.PersonName))
            .WithMessage("Das Geburtsdatum grenzt die Suche nach einem Namen ein; bitte geben Sie auch den Namen an.");
        RuleFor(x => x.Action).Must(a => a is null || Enum.IsDefined(a.Value)).WithMessage("Bitte wählen Sie eine Aktion aus der Liste.");
        RuleFor(x => x.Organisation).Must(o => o is null || Enum.IsDefined(o.Value)).WithMessage("Bitte wählen Sie eine Organisation aus der Liste.");
        RuleFor(x => x.To).Must((x, to) => to is null || x.From is null || to >= x.From)
            .WithMessage("„bis“ darf nicht vor „von“ liegen.");
    }
}
