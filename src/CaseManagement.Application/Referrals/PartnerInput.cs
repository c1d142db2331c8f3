using System.Text.RegularExpressions;
using CaseManagement.Domain.Referrals;
using FluentValidation;

namespace CaseManagement.Application.Referrals;

/// <summary>The partner form (Netzwerkpartner) as Administration fills it in. Strings stay as typed; they are trimmed when saved.</summary>
public sealed class PartnerInput
{
    public string Name { get; set; } = "";

    /// <summary>Nullable so that the form starts without a choice and "required" means something.</summary>
    public PartnerType? Type { get; set; }

    public string? ContactPerson { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Notes { get; set; }

    public static PartnerInput From(PartnerView partner) => new()
    {
        Name = partner.Name,
        Type = partner.Type,
        ContactPerson = partner.ContactPerson,
        Phone = partner.Phone,
        Email = partner.Email,
        Street = partner.Street,
        PostalCode = partner.PostalCode,
        City = partner.City,
        Notes = partner.Notes,
    };

    internal void ApplyTo(Partner partner)
    {
        partner.Name = Name.Trim();
        partner.Type = Type!.Value;
        partner.ContactPerson = TextRules.TrimToNull(ContactPerson);
        partner.Phone = TextRules.TrimToNull(Phone);
        partner.Email = TextRules.TrimToNull(Email);
        partner.Street = TextRules.TrimToNull(Street);
        partner.PostalCode = TextRules.TrimToNull(PostalCode);
        partner.City = TextRules.TrimToNull(City);
        partner.Notes = TextRules.TrimToNull(Notes);
    }
}

public sealed partial class PartnerInputValidator : AbstractValidator<PartnerInput>
{
    /// <summary>Same limit as the database column.</summary>
    public const int PhoneMaxLength = 60;

    public const int CityMaxLength = 100;

    public PartnerInputValidator()
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("Bitte geben Sie den Namen der Stelle ein.")
            .FreeText("Name", Partner.NameMaxLength);
        RuleFor(x => x.Type).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Bitte wählen Sie die Art der Stelle.")
            .IsInEnum().WithMessage("Bitte wählen Sie die Art der Stelle.");
        RuleFor(x => x.ContactPerson).Cascade(CascadeMode.Stop).FreeText("Ansprechperson", Partner.ShortTextMaxLength);
        RuleFor(x => x.Phone).Cascade(CascadeMode.Stop)
            .MaximumLength(PhoneMaxLength).WithMessage($"Die Telefonnummer darf höchstens {PhoneMaxLength} Zeichen lang sein.")
            .Must(phone => string.IsNullOrWhiteSpace(phone) || PhonePattern().IsMatch(phone.Trim()))
            .WithMessage("Die Telefonnummer darf nur Ziffern, Leerzeichen und + - / ( ) enthalten, z. B. 0621 555-300.");
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(Partner.ShortTextMaxLength).WithMessage($"Die E-Mail-Adresse darf höchstens {Partner.ShortTextMaxLength} Zeichen lang sein.")
            .Must(email => string.IsNullOrWhiteSpace(email) || EmailPattern().IsMatch(email.Trim()))
            .WithMessage("Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. kontakt@beispiel.de.");
        RuleFor(x => x.Street).Cascade(CascadeMode.Stop).FreeText("Straße", Partner.ShortTextMaxLength);
        RuleFor(x => x.PostalCode)
            .Must(code => string.IsNullOrWhiteSpace(code) || PostalCodePattern().IsMatch(code.Trim()))
            .WithMessage("Die Postleitzahl besteht aus fünf Ziffern.");
        RuleFor(x => x.City).Cascade(CascadeMode.Stop).FreeText("Ort", CityMaxLength);
        RuleFor(x => x.Notes).Cascade(CascadeMode.Stop)
            .FreeText("Hinweise", Partner.NotesMaxLength);
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()/\-]*[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex PostalCodePattern();
}
