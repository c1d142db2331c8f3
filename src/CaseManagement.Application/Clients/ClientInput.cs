using CaseManagement.Domain;
using CaseManagement.Domain.Clients;
using FluentValidation;

namespace CaseManagement.Application.Clients;

/// <summary>The client form (register and edit). Strings stay as typed; they are trimmed when saved.</summary>
public sealed class ClientInput
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public DateOnly? BirthDate { get; set; }

    public Gender Gender { get; set; }

    public string? Street { get; set; }

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public HousingSituation Housing { get; set; }

    public Schooling Schooling { get; set; }

    public VocationalTraining VocationalTraining { get; set; }

    public EmploymentSituation Employment { get; set; }

    public bool YouthEmploymentAgencyInvolved { get; set; }

    /// <summary>On registration: the responsible caseworker of the other organisation, if already known.</summary>
    public string? CounterpartId { get; set; }

    /// <summary>The user has seen the look-alike warning and registers anyway.</summary>
    public bool ConfirmedNotDuplicate { get; set; }

    /// <summary>The user has seen the outside-the-city warning; a team lead decides.</summary>
    public bool ConfirmedOutsideTargetArea { get; set; }

    public static ClientInput From(Client client) => new()
    {
        FirstName = client.FirstName,
        LastName = client.LastName,
        BirthDate = client.BirthDate,
        Gender = client.Gender,
        Street = client.Street,
        PostalCode = client.PostalCode,
        City = client.City,
        Phone = client.Phone,
        Email = client.Email,
        Housing = client.Housing,
        Schooling = client.Schooling,
        VocationalTraining = client.VocationalTraining,
        Employment = client.Employment,
        YouthEmploymentAgencyInvolved = client.YouthEmploymentAgencyInvolved,
    };
}

public sealed class ClientInputValidator : AbstractValidator<ClientInput>
{
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>Youngest age the cooperation works with (adolescents from 14: Jugendberufsagentur, SGB II from 15).</summary>
    public const int MinimumAge = 14;

    /// <summary>Oldest plausible age of a person in a joint SGB II case (working age ends at 67; some stay longer in drug help).</summary>
    public const int MaximumAge = 80;

    public ClientInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.FirstName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie den Vornamen ein.")
            .MaximumLength(TextLimits.PersonName).WithMessage($"Der Vorname darf höchstens {TextLimits.PersonName} Zeichen lang sein.")
            .Must(TextRules.IsPlainName).WithMessage("Der Vorname darf nur Buchstaben, Leerzeichen, Bindestriche, Apostrophe und Punkte enthalten.");
        RuleFor(x => x.LastName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie den Nachnamen ein.")
            .MaximumLength(TextLimits.PersonName).WithMessage($"Der Nachname darf höchstens {TextLimits.PersonName} Zeichen lang sein.")
            .Must(TextRules.IsPlainName).WithMessage("Der Nachname darf nur Buchstaben, Leerzeichen, Bindestriche, Apostrophe und Punkte enthalten.");
        RuleFor(x => x.BirthDate).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte geben Sie das Geburtsdatum ein.")
            .Must(d => d >= EarliestBirthDate).WithMessage("Das Geburtsdatum darf nicht vor dem 01.01.1900 liegen.")
            .Must(d => d <= GermanCalendar.DateOf(clock.GetUtcNow())).WithMessage("Das Geburtsdatum darf nicht in der Zukunft liegen.")
            // A date field that followed another locale turns 12.04. into 04.12.: the echo beside the
            // field shows it, and an age outside the cooperation's target group is refused.
            .Must(d => AgeGroups.AgeOn(d!.Value, GermanCalendar.DateOf(clock.GetUtcNow())) is >= MinimumAge and <= MaximumAge)
            .WithMessage(x => $"Bitte prüfen Sie das Geburtsdatum: Die Person wäre {AgeGroups.AgeOn(x.BirthDate!.Value, GermanCalendar.DateOf(clock.GetUtcNow()))} Jahre alt. "
                + $"Die Kooperation betreut Menschen von {MinimumAge} bis {MaximumAge} Jahren.");
        RuleFor(x => x.Street).Cascade(CascadeMode.Stop)
            .FreeText("Straße und Hausnummer", TextLimits.Street);
        RuleFor(x => x.PostalCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie die Postleitzahl ein.")
            .Matches(@"^[0-9]{5}\z").WithMessage("Die Postleitzahl besteht aus fünf Ziffern.");
        RuleFor(x => x.City).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Bitte geben Sie den Wohnort ein.")
            .MaximumLength(TextLimits.City).WithMessage($"Der Wohnort darf höchstens {TextLimits.City} Zeichen lang sein.")
            .Must(TextRules.IsPlainName).WithMessage("Der Wohnort darf nur Buchstaben, Leerzeichen, Bindestriche und Punkte enthalten.");
        RuleFor(x => x.Phone).Cascade(CascadeMode.Stop)
            .MaximumLength(TextLimits.Phone).WithMessage($"Die Telefonnummer darf höchstens {TextLimits.Phone} Zeichen lang sein.")
            .Matches(@"^[0-9 +()/\-]*\z").WithMessage("Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten.");
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .FreeText("E-Mail-Adresse", TextLimits.Email)
            .EmailAddress().WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse ein.")
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.CounterpartId)
            .Must(id => string.IsNullOrEmpty(id) || TextRules.IsPlausibleId(id))
            .WithMessage("Bitte wählen Sie eine Person aus der Liste.");
        RuleFor(x => x.Gender).IsInEnum().WithMessage("Bitte wählen Sie ein Geschlecht aus der Liste.");
        RuleFor(x => x.Housing).IsInEnum().WithMessage("Bitte wählen Sie eine Wohnsituation aus der Liste.");
        RuleFor(x => x.Schooling).IsInEnum().WithMessage("Bitte wählen Sie einen Schulabschluss aus der Liste.");
        RuleFor(x => x.VocationalTraining).IsInEnum().WithMessage("Bitte wählen Sie eine Berufsausbildung aus der Liste.");
        RuleFor(x => x.Employment).IsInEnum().WithMessage("Bitte wählen Sie eine Erwerbssituation aus der Liste.");
    }
}
