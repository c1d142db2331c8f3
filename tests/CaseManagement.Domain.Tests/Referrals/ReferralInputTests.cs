using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Tests.Referrals;

/// <summary>The inputs of the referral forms: what the validators say, and how the step form follows the chosen target.</summary>
public class ReferralInputTests
{
    private static readonly DateOnly Today = GermanCalendar.DateOf(TimeProvider.System.GetUtcNow());

    [Fact]
    public void Retargeting_lists_the_skipped_steps_keeps_typed_dates_and_drops_a_text_the_target_does_not_take()
    {
        var input = new ReferralProgressInput { Status = ReferralStatus.Completed, Note = "Ergebnis" };
        input.Retarget(ReferralStatus.Proposed);
        input.Skipped[1].On = Today.AddDays(-4);

        input.Status = ReferralStatus.AppointmentAgreed;
        input.Retarget(ReferralStatus.Proposed);

        var skipped = Assert.Single(input.Skipped);
        Assert.Equal(ReferralStatus.Requested, skipped.Status);
        Assert.Null(skipped.On);
        Assert.Null(input.Note);

        input.Status = ReferralStatus.Admitted;
        input.Retarget(ReferralStatus.Proposed);
        Assert.Equal(Today.AddDays(-4), input.Skipped.Single(s => s.Status == ReferralStatus.AppointmentAgreed).On);

        input.Status = null;
        input.Retarget(ReferralStatus.Proposed);
        Assert.Empty(input.Skipped);
    }

    [Theory]
    [InlineData("67059", true)]
    [InlineData(" 67059 ", true)]
    [InlineData("6705", false)]
    [InlineData("D-67059", false)]
    public void A_postal_code_has_five_digits(string code, bool valid)
    {
        var result = new PartnerInputValidator().Validate(new PartnerInput { Name = "Stelle", Type = PartnerType.Other, PostalCode = code });

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("0621 555-301", true)]
    [InlineData("+49 (621) 555 301", true)]
    [InlineData("06233/555302", true)]
    [InlineData("bitte anrufen", false)]
    [InlineData("0621 555-301 Durchwahl", false)]
    public void A_phone_number_holds_digits_and_the_usual_separators(string phone, bool valid)
    {
        var result = new PartnerInputValidator().Validate(new PartnerInput { Name = "Stelle", Type = PartnerType.Other, Phone = phone });

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("kontakt@beispiel.example", true)]
    [InlineData("kontakt@beispiel", false)]
    [InlineData("kontakt beispiel.example", false)]
    public void An_email_address_is_checked_for_its_form(string email, bool valid)
    {
        var result = new PartnerInputValidator().Validate(new PartnerInput { Name = "Stelle", Type = PartnerType.Other, Email = email });

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void A_new_referral_needs_partner_reason_and_a_proposal_date_not_in_the_future()
    {
        var validator = new ReferralInputValidator(TimeProvider.System);

        var empty = validator.Validate(new ReferralInput { ProposedOn = Today.AddDays(1), FollowUpOn = Today.AddDays(-1) });

        Assert.Equal(
            ["FollowUpOn", "PartnerId", "ProposedOn", "Reason"],
            empty.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.True(validator.Validate(new ReferralInput { PartnerId = Guid.NewGuid(), Reason = "Schulden", ProposedOn = Today, FollowUpOn = Today }).IsValid);
    }
}
