using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Tests;

public class ClientConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ClientConsent Consent(DateOnly signedOn, DateOnly? validUntil = null) => new()
    {
        Id = Guid.NewGuid(),
        ClientId = Guid.NewGuid(),
        Scope = ConsentScope.MasterData | ConsentScope.HelpPlan,
        Directions = ConsentDirections.DrugHelpToJobcenter,
        Purpose = "Gemeinsame Hilfeplanung",
        SignedOn = signedOn,
        ValidUntil = validUntil,
        RecordedById = "dh-worker",
        RecordedByOrganisation = Organisation.DrugHelpService,
        RecordedAt = Now.AddDays(-30),
    };

    [Fact]
    public void A_signed_consent_without_end_is_valid()
    {
        Assert.Equal(ConsentState.Valid, ClientConsent.StateOf(Today.AddDays(-30), null, null, Now));
    }

    [Fact]
    public void A_consent_signed_today_is_valid_today()
    {
        Assert.Equal(ConsentState.Valid, ClientConsent.StateOf(Today, Today, null, Now));
    }

    [Fact]
    public void A_consent_signed_tomorrow_is_not_yet_valid()
    {
        Assert.Equal(ConsentState.NotYetValid, ClientConsent.StateOf(Today.AddDays(1), null, null, Now));
    }

    [Fact]
    public void A_consent_is_valid_until_its_last_day_inclusive_and_expired_the_day_after()
    {
        Assert.Equal(ConsentState.Valid, ClientConsent.StateOf(Today.AddDays(-30), Today, null, Now));
        Assert.Equal(ConsentState.Valid, ClientConsent.StateOf(Today.AddDays(-30), Today.AddDays(1), null, Now));
        Assert.Equal(ConsentState.Expired, ClientConsent.StateOf(Today.AddDays(-30), Today.AddDays(-1), null, Now));
    }

    [Fact]
    public void A_revoked_consent_is_revoked_from_the_recorded_instant_on()
    {
        Assert.Equal(ConsentState.Revoked, ClientConsent.StateOf(Today.AddDays(-30), null, Now.AddMinutes(-1), Now));
        Assert.Equal(ConsentState.Revoked, ClientConsent.StateOf(Today.AddDays(-30), null, Now, Now));
        Assert.Equal(ConsentState.Valid, ClientConsent.StateOf(Today.AddDays(-30), null, Now, Now.AddTicks(-1)));
    }

    [Fact]
    public void Revocation_wins_over_expiry_and_over_not_yet_valid()
    {
        Assert.Equal(ConsentState.Revoked, ClientConsent.StateOf(Today.AddDays(-30), Today.AddDays(-1), Now.AddDays(-2), Now));
        Assert.Equal(ConsentState.Revoked, ClientConsent.StateOf(Today.AddDays(5), null, Now.AddHours(-1), Now));
    }

    [Fact]
    public void Today_is_today_in_Berlin_not_in_UTC()
    {
        // 23:30 UTC on 15 June is 01:30 on 16 June in Berlin (summer time, UTC+2).
        var lateEvening = new DateTimeOffset(2026, 6, 15, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 6, 16), GermanCalendar.DateOf(lateEvening));

        Assert.Equal(ConsentState.Expired, ClientConsent.StateOf(new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 15), null, lateEvening));
        Assert.Equal(ConsentState.Valid, ClientConsent.StateOf(new DateOnly(2026, 6, 16), null, null, lateEvening));
    }

    [Fact]
    public void Today_is_today_in_Berlin_in_winter_too()
    {
        // 23:30 UTC on 15 January is 00:30 on 16 January in Berlin (UTC+1); 22:59 UTC is still the 15th.
        Assert.Equal(new DateOnly(2026, 1, 16), GermanCalendar.DateOf(new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 1, 15), GermanCalendar.DateOf(new DateTimeOffset(2026, 1, 15, 22, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 1, 16), GermanCalendar.DateOf(new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_instant_given_with_another_offset_is_read_as_the_same_moment()
    {
        // 16 June 00:30 in New York (UTC-4) is 06:30 on 16 June in Berlin.
        var newYork = new DateTimeOffset(2026, 6, 16, 0, 30, 0, TimeSpan.FromHours(-4));
        Assert.Equal(new DateOnly(2026, 6, 16), GermanCalendar.DateOf(newYork));

        // 15 June 23:30 in Tokyo (UTC+9) is 16:30 on 15 June in Berlin.
        var tokyo = new DateTimeOffset(2026, 6, 15, 23, 30, 0, TimeSpan.FromHours(9));
        Assert.Equal(new DateOnly(2026, 6, 15), GermanCalendar.DateOf(tokyo));
    }

    [Fact]
    public void StateAt_agrees_with_StateOf()
    {
        var consent = Consent(Today.AddDays(-30), Today);
        Assert.Equal(ConsentState.Valid, consent.StateAt(Now));
        Assert.Equal(ConsentState.Expired, consent.StateAt(Now.AddDays(1)));
        Assert.Equal(ConsentState.NotYetValid, consent.StateAt(Now.AddDays(-31)));
    }

    [Fact]
    public void Revoke_takes_effect_at_once_and_keeps_the_note()
    {
        var consent = Consent(Today.AddDays(-30));

        consent.Revoke(Now, "Widerruf im Gespräch", "dh-1", Organisation.DrugHelpService);

        Assert.Equal(Now, consent.RevokedAt);
        Assert.Equal("Widerruf im Gespräch", consent.RevocationNote);
        Assert.Equal(ConsentState.Revoked, consent.StateAt(Now));
        Assert.Equal(ConsentState.Revoked, consent.StateAt(Now.AddYears(5)));
    }

    [Fact]
    public void Revoking_twice_throws_and_keeps_the_first_revocation()
    {
        var consent = Consent(Today.AddDays(-30));
        consent.Revoke(Now, "erster Widerruf", "dh-1", Organisation.DrugHelpService);

        Assert.Throws<InvalidOperationException>(() => consent.Revoke(Now.AddHours(1), "zweiter Widerruf", "dh-1", Organisation.DrugHelpService));
        Assert.Equal(Now, consent.RevokedAt);
        Assert.Equal("erster Widerruf", consent.RevocationNote);
    }

    [Fact]
    public void Revoke_without_a_note_is_allowed()
    {
        var consent = Consent(Today.AddDays(-30));
        consent.Revoke(Now, null, "dh-1", Organisation.DrugHelpService);
        Assert.Null(consent.RevocationNote);
        Assert.Equal(ConsentState.Revoked, consent.StateAt(Now));
    }
}
