using System.Globalization;
using System.Text;
using Bogus;
using CaseManagement.Domain;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using BogusGender = Bogus.DataSets.Name.Gender;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>A seeded caseworker account, as far as the generator needs it.</summary>
internal sealed record DemoCaseworker(string Id, string DisplayName, Organisation Organisation);

/// <summary>
/// Builds a fictitious but plausible caseload in memory: clients with both responsible
/// caseworkers, episodes (some revolving doors), consents in every state and internal notes.
/// Deterministic for a given seed and day: the same random stream yields the same people; dates
/// are placed relative to <c>now</c> so that the caseload always looks current.
/// </summary>
internal sealed class DemoCaseGenerator
{
    public const int DefaultSeed = 2026;

    /// <summary>Share of joint cases that go to the pair of demo accounts (All[0] and All[1]) together.</summary>
    private const double DemoPairShare = 0.12;

    /// <summary>Weight of the demo account when a side's caseworker is drawn on its own.</summary>
    private const double DemoAccountWeight = 0.16;

    private static readonly (Sides Value, double Weight)[] SideWeights =
        [(Sides.Both, 0.85), (Sides.JobcenterOnly, 0.10), (Sides.DrugHelpOnly, 0.05)];

    // Expired and revoked are drawn a little more often than their target share (about 10 % each)
    // because clients registered only days ago fall back to a consent in force.
    private static readonly (ConsentKind Value, double Weight)[] JointConsentWeights =
        [(ConsentKind.Valid, 0.65), (ConsentKind.Expired, 0.09), (ConsentKind.Revoked, 0.12), (ConsentKind.None, 0.14)];

    private static readonly (ConsentKind Value, double Weight)[] OneSidedConsentWeights =
        [(ConsentKind.Valid, 0.30), (ConsentKind.Expired, 0.10), (ConsentKind.Revoked, 0.10), (ConsentKind.None, 0.50)];

    private static readonly (HousingSituation Value, double Weight)[] AdolescentHousing =
    [
        (HousingSituation.WithFamily, 0.68), (HousingSituation.SharedOrSupportedHousing, 0.15), (HousingSituation.Institution, 0.07),
        (HousingSituation.EmergencyShelter, 0.04), (HousingSituation.Homeless, 0.03), (HousingSituation.NotStated, 0.03),
    ];

    private static readonly (HousingSituation Value, double Weight)[] YoungAdultHousing =
    [
        (HousingSituation.OwnFlat, 0.23), (HousingSituation.WithFamily, 0.37), (HousingSituation.SharedOrSupportedHousing, 0.14),
        (HousingSituation.EmergencyShelter, 0.06), (HousingSituation.Homeless, 0.06), (HousingSituation.Institution, 0.04),
        (HousingSituation.NotStated, 0.10),
    ];

    private static readonly (HousingSituation Value, double Weight)[] AdultHousing =
    [
        (HousingSituation.OwnFlat, 0.52), (HousingSituation.WithFamily, 0.10), (HousingSituation.SharedOrSupportedHousing, 0.13),
        (HousingSituation.EmergencyShelter, 0.06), (HousingSituation.Homeless, 0.06), (HousingSituation.Institution, 0.04),
        (HousingSituation.NotStated, 0.09),
    ];

    private static readonly (Schooling Value, double Weight)[] AdolescentSchooling =
    [
        (Schooling.StillAtSchool, 0.35), (Schooling.None, 0.30), (Schooling.Hauptschule, 0.25), (Schooling.Realschule, 0.05), (Schooling.Special, 0.05),
    ];

    private static readonly (Schooling Value, double Weight)[] AdultSchooling =
    [
        (Schooling.None, 0.18), (Schooling.Hauptschule, 0.40), (Schooling.Realschule, 0.25), (Schooling.Abitur, 0.07),
        (Schooling.Special, 0.05), (Schooling.NotStated, 0.05),
    ];

    private static readonly (VocationalTraining Value, double Weight)[] AdolescentTraining =
        [(VocationalTraining.None, 0.70), (VocationalTraining.Dropped, 0.20), (VocationalTraining.InTraining, 0.10)];

    private static readonly (VocationalTraining Value, double Weight)[] YoungAdultTraining =
    [
        (VocationalTraining.None, 0.45), (VocationalTraining.Dropped, 0.30), (VocationalTraining.InTraining, 0.12),
        (VocationalTraining.Completed, 0.10), (VocationalTraining.NotStated, 0.03),
    ];

    private static readonly (VocationalTraining Value, double Weight)[] AdultTraining =
    [
        (VocationalTraining.None, 0.30), (VocationalTraining.Dropped, 0.22), (VocationalTraining.Completed, 0.38),
        (VocationalTraining.Degree, 0.03), (VocationalTraining.InTraining, 0.02), (VocationalTraining.NotStated, 0.05),
    ];

    private static readonly (EmploymentSituation Value, double Weight)[] AdolescentEmployment =
        [(EmploymentSituation.UnemployedSgbII, 0.75), (EmploymentSituation.InMeasure, 0.25)];

    private static readonly (EmploymentSituation Value, double Weight)[] AdultEmployment =
    [
        (EmploymentSituation.UnemployedSgbII, 0.64), (EmploymentSituation.InMeasure, 0.12), (EmploymentSituation.EmployedTopUp, 0.10),
        (EmploymentSituation.UnemployedSgbIII, 0.04), (EmploymentSituation.NotAvailable, 0.07), (EmploymentSituation.NotStated, 0.03),
    ];

    private static readonly (ClosureReason Value, double Weight)[] FinalClosureReasons =
    [
        (ClosureReason.WorkTakenUp, 0.18), (ClosureReason.Apprenticeship, 0.06), (ClosureReason.Qualification, 0.10),
        (ClosureReason.RehabStarted, 0.18), (ClosureReason.MovedAway, 0.10), (ClosureReason.ContactBrokenOff, 0.30),
        (ClosureReason.Other, 0.08),
    ];

    /// <summary>Why earlier episodes of revolving-door clients ended.</summary>
    private static readonly (ClosureReason Value, double Weight)[] EarlierClosureReasons =
    [
        (ClosureReason.ContactBrokenOff, 0.45), (ClosureReason.RehabStarted, 0.20), (ClosureReason.WorkTakenUp, 0.10),
        (ClosureReason.Qualification, 0.05), (ClosureReason.MovedAway, 0.05), (ClosureReason.Other, 0.15),
    ];

    private static readonly (ReferringBody Value, double Weight)[] ReferringBodies =
    [
        (ReferringBody.Jobcenter, 0.28), (ReferringBody.Self, 0.20), (ReferringBody.CourtOrProbation, 0.10), (ReferringBody.Physician, 0.10),
        (ReferringBody.AddictionCounselling, 0.09), (ReferringBody.FamilyOrFriends, 0.07), (ReferringBody.Hospital, 0.06),
        (ReferringBody.YouthWelfare, 0.04), (ReferringBody.Other, 0.03), (ReferringBody.NotStated, 0.03),
    ];

    private static readonly (string Value, double Weight)[] AdultDiagnoses =
        [("F11.2", 0.24), ("F12.2", 0.22), ("F19.2", 0.18), ("F15.2", 0.12), ("F10.2", 0.12), ("F13.2", 0.05), ("F63.0", 0.07)];

    private static readonly (string Value, double Weight)[] YoungDiagnoses =
        [("F12.2", 0.38), ("F19.2", 0.22), ("F15.2", 0.17), ("F11.2", 0.08), ("F10.2", 0.08), ("F13.2", 0.03), ("F63.0", 0.04)];

    private static readonly (ConsentScope Value, double Weight)[] BaseScopes =
    [
        (ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments | ConsentScope.Referrals, 0.75),
        (ConsentScope.MasterData | ConsentScope.HelpPlan | ConsentScope.Appointments, 0.13),
        (ConsentScope.MasterData | ConsentScope.HelpPlan, 0.12),
    ];

    private static readonly (int Value, double Weight)[] NoteCounts = [(1, 0.5), (2, 0.3), (3, 0.2)];

    /// <summary>Revolving doors: about 15 % come back once or twice.</summary>
    private static readonly (int Value, double Weight)[] EpisodeCounts = [(1, 0.85), (2, 0.10), (3, 0.05)];

    private static readonly string[] HouseNumberSuffixes = ["a", "b"];

    private readonly Faker _faker;
    private readonly Randomizer _random;
    private readonly IReadOnlyList<DemoCaseworker> _caseManagers;
    private readonly IReadOnlyList<DemoCaseworker> _drugHelpWorkers;
    private readonly DateTimeOffset _now;
    private readonly DateOnly _today;

    /// <param name="caseManagers">Fallmanager:innen; the first is the demo account that gets a shared caseload.</param>
    /// <param name="drugHelpWorkers">Fachkräfte Drogenhilfe; the first is the demo account.</param>
    public DemoCaseGenerator(
        IReadOnlyList<DemoCaseworker> caseManagers, IReadOnlyList<DemoCaseworker> drugHelpWorkers, DateTimeOffset now, int seed = DefaultSeed)
    {
        if (caseManagers.Count == 0 || drugHelpWorkers.Count == 0)
        {
            throw new ArgumentException("Es braucht mindestens eine Fachkraft je Organisation.");
        }

        _faker = new Faker("de") { Random = new Randomizer(seed) };
        _random = _faker.Random;
        _caseManagers = caseManagers;
        _drugHelpWorkers = drugHelpWorkers;
        _now = now.ToUniversalTime();
        _today = GermanCalendar.DateOf(_now);
    }

    private enum Sides
    {
        Both,
        JobcenterOnly,
        DrugHelpOnly,
    }

    private enum ConsentKind
    {
        None,
        Valid,
        Expired,
        Revoked,
    }

    /// <summary>Clients ordered by registration, with case numbers LU-yyyy-nnnnn numbered per year from 1.</summary>
    public List<Client> Generate(int count)
    {
        var clients = new List<Client>(count);
        for (var i = 0; i < count; i++)
        {
            clients.Add(NextClient());
        }

        clients.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        var sequences = new Dictionary<int, int>();
        foreach (var client in clients)
        {
            var year = client.CreatedAt.UtcDateTime.Year;
            var sequence = sequences.GetValueOrDefault(year) + 1;
            sequences[year] = sequence;
            client.CaseNumber = CaseNumber.Format(year, sequence);
        }

        return clients;
    }

    private Client NextClient()
    {
        // Who works with the client, and which organisation registered them.
        var sides = Weighted(SideWeights);
        DemoCaseworker? caseManager;
        DemoCaseworker? drugHelpWorker;
        if (sides == Sides.Both && Chance(DemoPairShare))
        {
            caseManager = _caseManagers[0];
            drugHelpWorker = _drugHelpWorkers[0];
        }
        else
        {
            caseManager = sides == Sides.DrugHelpOnly ? null : PickCaseworker(_caseManagers);
            drugHelpWorker = sides == Sides.JobcenterOnly ? null : PickCaseworker(_drugHelpWorkers);
        }

        var owner = sides switch
        {
            Sides.JobcenterOnly => Organisation.Jobcenter,
            Sides.DrugHelpOnly => Organisation.DrugHelpService,
            _ => Chance(0.4) ? Organisation.DrugHelpService : Organisation.Jobcenter,
        };

        // Person.
        var ageRoll = _random.Double();
        var age = ageRoll < 0.10 ? _random.Int(16, 17)
            : ageRoll < 0.40 ? _random.Int(18, 24)
            : 25 + (int)(Math.Pow(_random.Double(), 1.4) * 36);
        var birthDate = _today.AddYears(-age).AddDays(-_random.Int(0, 364));
        var ageGroup = AgeGroups.Of(birthDate, _today);
        var genderRoll = _random.Double();
        var gender = genderRoll < 0.70 ? Gender.Male : genderRoll < 0.98 ? Gender.Female : Gender.Diverse;
        var (firstName, lastName) = NextName(gender, birthDate.Year);

        // Course of the case.
        var episodeCount = ageGroup == AgeGroup.Adolescent ? 1 : Weighted(EpisodeCounts);
        var outside = Chance(0.04) ? _random.ArrayElement(DemoCaseCatalog.OutsidePlaces) : default;
        var livesOutside = outside.City is not null;
        var decisionPending = livesOutside && Chance(0.5);
        var createdAt = NextCreatedAt(birthDate, revolvingDoor: episodeCount > 1, recent: decisionPending);
        var createdOn = GermanCalendar.DateOf(createdAt);

        var client = new Client
        {
            Id = Guid.NewGuid(),
            CaseNumber = "",
            OwningOrganisation = owner,
            ResponsibleCaseManagerId = caseManager?.Id,
            ResponsibleDrugHelpWorkerId = drugHelpWorker?.Id,
            FirstName = firstName,
            LastName = lastName,
            BirthDate = birthDate,
            Gender = gender,
            PostalCode = "",
            City = TargetArea.CityName,
            CreatedAt = createdAt,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        SetSituation(client, ageGroup);
        SetAddressAndContact(client, outside);
        client.YouthEmploymentAgencyInvolved = ageGroup != AgeGroup.Adult && Chance(0.55);
        client.RefreshDerivedFields();
        if (livesOutside && !decisionPending)
        {
            client.TargetAreaDecision = TargetAreaDecision.Approved;
        }

        var consentKind = Weighted(sides == Sides.Both ? JointConsentWeights : OneSidedConsentWeights);
        var signedOn = Earlier(createdOn.AddDays(_random.Int(0, 21)), _today);
        AddEpisodes(client, createdOn, episodeCount, drugHelpWorker is not null, ageGroup,
            consentRevokedAfter: consentKind == ConsentKind.Revoked ? signedOn : null);
        AddConsents(client, consentKind, signedOn, caseManager, drugHelpWorker);
        AddNotes(client, caseManager, drugHelpWorker);
        return client;
    }

    private DemoCaseworker PickCaseworker(IReadOnlyList<DemoCaseworker> staff)
    {
        if (staff.Count == 1 || Chance(DemoAccountWeight))
        {
            return staff[0];
        }

        return staff[_random.Int(1, staff.Count - 1)];
    }

    private (string First, string Last) NextName(Gender gender, int birthYear)
    {
        var female = gender == Gender.Female || (gender == Gender.Diverse && Chance(0.5));
        if (!Chance(0.15))
        {
            var bogusFirstName = _faker.Name.FirstName(female ? BogusGender.Female : BogusGender.Male);
            var lastName = _faker.Name.LastName();
            var cohort = birthYear switch
            {
                < 1980 => female ? DemoCaseCatalog.OlderFemaleFirstNames : DemoCaseCatalog.OlderMaleFirstNames,
                < 1996 => female ? DemoCaseCatalog.MiddleFemaleFirstNames : DemoCaseCatalog.MiddleMaleFirstNames,
                _ => null,
            };
            // Draw the same number of values either way, so that one person's age does not shift the next person's data.
            var cohortName = _random.ArrayElement(cohort ?? DemoCaseCatalog.MiddleMaleFirstNames);
            var useCohortName = Chance(0.75);
            return (cohort is not null && useCohortName ? cohortName : bogusFirstName, lastName);
        }

        var origin = Weighted([.. DemoCaseCatalog.Origins.Select(o => (o, o.Weight))]);
        var first = _random.ArrayElement(female ? origin.FemaleFirstNames : origin.MaleFirstNames);
        var last = _random.ArrayElement(origin.LastNames);
        if (female)
        {
            last = origin.Key switch
            {
                // Polish and Russian family names take a female form.
                "pl" when last.EndsWith("ki", StringComparison.Ordinal) => last[..^1] + "a",
                "ru" when last.EndsWith("ow", StringComparison.Ordinal) || last.EndsWith("ew", StringComparison.Ordinal) => last + "a",
                _ => last,
            };
        }

        return (first, last);
    }

    /// <summary>A working-day registration within the last three years (revolving doors: long enough ago for several episodes).</summary>
    private DateTimeOffset NextCreatedAt(DateOnly birthDate, bool revolvingDoor, bool recent)
    {
        var earliest = recent ? _today.AddDays(-60) : _today.AddYears(-3);
        var latest = revolvingDoor ? _today.AddDays(-540) : _today;
        var fifteenth = birthDate.AddYears(15);
        if (fifteenth > earliest)
        {
            earliest = fifteenth;
        }

        if (earliest > latest)
        {
            earliest = latest;
        }

        var day = earliest.AddDays(_random.Int(0, latest.DayNumber - earliest.DayNumber));
        day = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(-1),
            DayOfWeek.Sunday => day.AddDays(day.AddDays(1) <= _today ? 1 : -2),
            _ => day,
        };
        var minutes = _random.Int(0, (9 * 60) - 1);
        var pullBack = _random.Int(5, 90);
        var at = AtWorkingTime(day, minutes);
        return at <= _now ? at : _now.AddMinutes(-pullBack);
    }

    private void SetSituation(Client client, AgeGroup ageGroup)
    {
        client.Housing = Weighted(ageGroup switch
        {
            AgeGroup.Adolescent => AdolescentHousing,
            AgeGroup.YoungAdult => YoungAdultHousing,
            _ => AdultHousing,
        });
        client.Schooling = Weighted(ageGroup == AgeGroup.Adolescent ? AdolescentSchooling : AdultSchooling);
        client.VocationalTraining = Weighted(ageGroup switch
        {
            AgeGroup.Adolescent => AdolescentTraining,
            AgeGroup.YoungAdult => YoungAdultTraining,
            _ => AdultTraining,
        });
        client.Employment = ageGroup == AgeGroup.Adolescent
            ? client.Schooling == Schooling.StillAtSchool ? EmploymentSituation.NotAvailable : Weighted(AdolescentEmployment)
            : Weighted(AdultEmployment);
    }

    private void SetAddressAndContact(Client client, (string City, string PostalCode, string Street, string AreaCode) outside)
    {
        var number = _random.Int(1, 140);
        var suffix = Chance(0.08) ? _random.ArrayElement(HouseNumberSuffixes) : "";
        var houseNumber = string.Create(CultureInfo.InvariantCulture, $"{number}{suffix}");
        string areaCode;
        if (outside.City is not null)
        {
            client.City = outside.City;
            client.PostalCode = outside.PostalCode;
            client.Street = $"{outside.Street} {houseNumber}";
            areaCode = outside.AreaCode;
        }
        else
        {
            var (street, postalCode, _) = Weighted([.. DemoCaseCatalog.CityStreets.Select(s => (s, s.Weight))]);
            // Without a home there is no street; post goes to the city centre (e.g. a Postadresse at a help service).
            client.PostalCode = client.Housing == HousingSituation.Homeless ? "67059" : postalCode;
            client.Street = client.Housing == HousingSituation.Homeless ? null : $"{street} {houseNumber}";
            areaCode = "0621";
        }

        var phoneRoll = _random.Double();
        var firstDigit = _random.Int(1, 9);
        var mobile = string.Create(CultureInfo.InvariantCulture,
            $"{_random.ArrayElement(DemoCaseCatalog.MobilePrefixes)} {firstDigit}{_random.Replace(Chance(0.5) ? "######" : "#######")}");
        var landline = areaCode == "0621"
            ? "0621 " + _random.Replace(client.City == TargetArea.CityName ? "5######" : "1######")
            : string.Create(CultureInfo.InvariantCulture, $"{areaCode} {firstDigit}{_random.Replace("####")}");
        client.Phone = phoneRoll < 0.10 ? null : phoneRoll < 0.73 ? mobile : landline;

        var mailPattern = _random.Int(0, 4);
        var domain = _random.ArrayElement(DemoCaseCatalog.MailDomains);
        var year = string.Create(CultureInfo.InvariantCulture, $"{client.BirthDate.Year % 100:D2}");
        if (Chance(0.40))
        {
            var first = Ascii(client.FirstName);
            var last = Ascii(client.LastName);
            var local = mailPattern switch
            {
                0 => $"{first}.{last}",
                1 => $"{first}{last}{year}",
                2 => $"{first[0]}.{last}",
                3 => $"{last}.{first}",
                _ => $"{first}_{year}",
            };
            client.Email = $"{local}@{domain}";
        }
    }

    private void AddEpisodes(
        Client client, DateOnly createdOn, int count, bool hasDrugHelp, AgeGroup ageGroup, DateOnly? consentRevokedAfter)
    {
        var span = Math.Max(1, _today.DayNumber - createdOn.DayNumber);
        var start = createdOn;
        for (var i = 0; i < count - 1; i++)
        {
            var length = Math.Max(30, (int)(span * _random.Double(0.12, 0.30)));
            var gap = Math.Max(21, (int)(span * _random.Double(0.05, 0.15)));
            var reason = Weighted(EarlierClosureReasons);
            var end = Earlier(start.AddDays(length), _today);
            client.OpenNewEpisode(start).Close(end, reason);
            start = Earlier(end.AddDays(gap), _today);
        }

        var last = client.OpenNewEpisode(start);
        var closeLast = Chance(0.25);
        var remaining = _today.DayNumber - start.DayNumber;
        var lastLength = _random.Int(Math.Min(21, remaining), remaining);
        var finalReason = Weighted(FinalClosureReasons);
        var closedBecauseOfRevocation = Chance(0.5);
        if (closeLast)
        {
            var end = start.AddDays(lastLength);
            if (consentRevokedAfter is { } signed && closedBecauseOfRevocation && end > signed.AddDays(7) && end < _today)
            {
                finalReason = ClosureReason.ConsentRevoked;
            }

            last.Close(end, finalReason);
            ApplyOutcome(client, finalReason);
        }

        if (hasDrugHelp)
        {
            AddHealthData(client, ageGroup);
        }
    }

    /// <summary>The master data follows how the last episode ended.</summary>
    private void ApplyOutcome(Client client, ClosureReason reason)
    {
        var roll = Chance(0.6);
        switch (reason)
        {
            case ClosureReason.WorkTakenUp when roll:
                client.Employment = EmploymentSituation.EmployedTopUp;
                break;
            case ClosureReason.Qualification:
                client.Employment = EmploymentSituation.InMeasure;
                break;
            case ClosureReason.Apprenticeship:
                client.VocationalTraining = VocationalTraining.InTraining;
                break;
            case ClosureReason.RehabStarted when roll:
                client.Employment = EmploymentSituation.NotAvailable;
                break;
            default:
                break;
        }
    }

    /// <summary>What the Drogenhilfe records per episode (KDS 3.0): referring body, diagnoses, conditions imposed.</summary>
    private void AddHealthData(Client client, AgeGroup ageGroup)
    {
        var diagnoses = ageGroup == AgeGroup.Adult ? AdultDiagnoses : YoungDiagnoses;
        var mainDiagnosis = Weighted(diagnoses);
        foreach (var episode in client.Episodes)
        {
            var referringBody = Weighted(ReferringBodies);
            if (referringBody == ReferringBody.YouthWelfare && ageGroup == AgeGroup.Adult)
            {
                referringBody = ReferringBody.Other;
            }

            var diagnosis = Chance(0.85) ? mainDiagnosis : Weighted(diagnoses);
            var secondary = Chance(0.30) ? _random.ArrayElement(DemoCaseCatalog.SecondaryDiagnoses) : null;
            var conditions = Chance(0.10) ? _random.ArrayElement(DemoCaseCatalog.ConditionsImposed) : null;
            var notYetRecorded = Chance(0.5);
            if (episode.IsOpen && episode.StartedOn > _today.AddDays(-14) && notYetRecorded)
            {
                continue; // just started: the Drogenhilfe has not recorded the data yet
            }

            if (conditions is not null && !conditions.Contains("Fahrerlaubnis", StringComparison.Ordinal) && Chance(0.6))
            {
                referringBody = ReferringBody.CourtOrProbation;
            }

            episode.ReferringBody = referringBody;
            episode.MainDiagnosis = diagnosis;
            episode.SecondaryDiagnoses = secondary;
            episode.ConditionsImposed = conditions;
        }
    }

    private void AddConsents(Client client, ConsentKind kind, DateOnly signedOn, DemoCaseworker? caseManager, DemoCaseworker? drugHelpWorker)
    {
        if (kind == ConsentKind.None)
        {
            return;
        }

        var scope = Weighted(BaseScopes) | (Chance(0.30) ? ConsentScope.HealthData : ConsentScope.None);
        var directions = Chance(0.85) ? ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter
            : Chance(0.6) ? ConsentDirections.DrugHelpToJobcenter : ConsentDirections.JobcenterToDrugHelp;
        var purpose = Chance(0.8) ? DemoCaseCatalog.MainPurpose : _random.ArrayElement(DemoCaseCatalog.OtherPurposes);
        var recorder = PickRecorder(client, caseManager, drugHelpWorker);
        var renewed = Chance(0.6);
        var openEnded = Chance(0.2);
        var monthsUntilExpiry = _random.Int(6, 24);
        var daysSinceExpiry = _random.Int(1, 45);
        var revocationNote = Chance(0.5) ? _random.ArrayElement(DemoCaseCatalog.RevocationNotes) : null;

        if (kind == ConsentKind.Expired)
        {
            var until = signedOn.AddMonths(monthsUntilExpiry);
            if (until >= _today)
            {
                until = _today.AddDays(-daysSinceExpiry);
            }

            if (until >= signedOn)
            {
                client.Consents.Add(NewConsent(client, scope, directions, purpose, signedOn, until, recorder));
                return;
            }

            kind = ConsentKind.Valid; // registered too recently for a consent to have run out
        }

        if (kind == ConsentKind.Revoked)
        {
            var revokedOn = client.Episodes[^1].ClosureReason == ClosureReason.ConsentRevoked
                ? client.Episodes[^1].EndedOn!.Value
                : signedOn.AddDays(_random.Int(14, Math.Max(14, _today.DayNumber - signedOn.DayNumber - 1)));
            if (revokedOn < _today)
            {
                var consent = NewConsent(client, scope, directions, purpose, signedOn, openEnded ? null : signedOn.AddYears(2), recorder);
                var revokedAt = Later(AtWorkingTime(revokedOn, _random.Int(0, (9 * 60) - 1)), consent.RecordedAt.AddHours(1));
                consent.Revoke(revokedAt < _now ? revokedAt : _now.AddMinutes(-5), revocationNote, consent.RecordedById, consent.RecordedByOrganisation);
                client.Consents.Add(consent);
                return;
            }

            kind = ConsentKind.Valid; // registered too recently for a revocation
        }

        // Valid: either one consent still in force, or a first one that ran out and a renewal.
        if (_today.DayNumber - signedOn.DayNumber > 730 && renewed)
        {
            var firstUntil = signedOn.AddYears(2);
            client.Consents.Add(NewConsent(client, scope, directions, purpose, signedOn, firstUntil, recorder));
            var renewedOn = Earlier(firstUntil.AddDays(-_random.Int(0, 20)), _today);
            client.Consents.Add(NewConsent(client, scope, directions, purpose, renewedOn, renewedOn.AddYears(2),
                PickRecorder(client, caseManager, drugHelpWorker)));
            return;
        }

        DateOnly? validUntil = null;
        if (!openEnded)
        {
            for (var years = 2; years <= 5 && (validUntil is null || validUntil < _today.AddDays(14)); years++)
            {
                validUntil = signedOn.AddYears(years);
            }
        }

        client.Consents.Add(NewConsent(client, scope, directions, purpose, signedOn, validUntil, recorder));
    }

    private ClientConsent NewConsent(
        Client client, ConsentScope scope, ConsentDirections directions, string purpose, DateOnly signedOn, DateOnly? validUntil, DemoCaseworker recorder)
    {
        var recordedAt = AtWorkingTime(signedOn.AddDays(Chance(0.8) ? 0 : _random.Int(1, 3)), _random.Int(0, (9 * 60) - 1));
        recordedAt = Later(recordedAt, client.CreatedAt.AddMinutes(10));
        return new ClientConsent
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            Scope = scope,
            Directions = directions,
            Purpose = purpose,
            SignedOn = signedOn,
            ValidUntil = validUntil,
            RecordedById = recorder.Id,
            RecordedByOrganisation = recorder.Organisation,
            RecordedAt = recordedAt < _now ? recordedAt : _now.AddMinutes(-1),
        };
    }

    /// <summary>Mostly the worker of the organisation that registered the client takes the signature.</summary>
    private DemoCaseworker PickRecorder(Client client, DemoCaseworker? caseManager, DemoCaseworker? drugHelpWorker)
    {
        var ownSide = client.OwningOrganisation == Organisation.Jobcenter ? caseManager : drugHelpWorker;
        var otherSide = client.OwningOrganisation == Organisation.Jobcenter ? drugHelpWorker : caseManager;
        var takeOwn = Chance(0.7);
        return (takeOwn ? ownSide ?? otherSide : otherSide ?? ownSide)!;
    }

    private void AddNotes(Client client, DemoCaseworker? caseManager, DemoCaseworker? drugHelpWorker)
    {
        if (!Chance(0.30))
        {
            return;
        }

        var count = Weighted(NoteCounts);
        var from = GermanCalendar.DateOf(client.CreatedAt);
        var until = client.Episodes[^1].EndedOn ?? _today;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var notes = new List<InternalNote>();
        for (var i = 0; i < count; i++)
        {
            var author = caseManager is null ? drugHelpWorker! : drugHelpWorker is null ? caseManager : Chance(0.5) ? caseManager : drugHelpWorker;
            var pool = author.Organisation == Organisation.Jobcenter ? DemoCaseCatalog.JobcenterNotes : DemoCaseCatalog.DrugHelpNotes;
            var text = _random.ArrayElement(pool);
            var onlyForYoungPeople = text.Contains("Jugendberufsagentur", StringComparison.Ordinal);
            if (!used.Add(text) || (onlyForYoungPeople && AgeGroups.Of(client.BirthDate, _today) == AgeGroup.Adult))
            {
                continue;
            }

            var day = from.AddDays(_random.Int(0, Math.Max(0, until.DayNumber - from.DayNumber)));
            var createdAt = Later(AtWorkingTime(day, _random.Int(0, (9 * 60) - 1)), client.CreatedAt.AddMinutes(30));
            notes.Add(new InternalNote
            {
                Id = Guid.NewGuid(),
                ClientId = client.Id,
                Organisation = author.Organisation,
                AuthorId = author.Id,
                AuthorName = author.DisplayName,
                CreatedAt = createdAt < _now ? createdAt : _now.AddMinutes(-2),
                Text = text,
            });
        }

        client.Notes.AddRange(notes.OrderBy(n => n.CreatedAt));
    }

    private bool Chance(double probability) => _random.Double() < probability;

    private T Weighted<T>(IReadOnlyList<(T Value, double Weight)> options)
    {
        var total = options.Sum(o => o.Weight);
        var roll = _random.Double() * total;
        foreach (var (value, weight) in options)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return options[^1].Value;
    }

    /// <summary>Office hours in Ludwigshafen, roughly 8 to 17 o'clock, stored in UTC.</summary>
    private static DateTimeOffset AtWorkingTime(DateOnly day, int minutesAfterSeven) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero).AddMinutes(minutesAfterSeven);

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Lower-case ASCII for e-mail addresses: umlauts transliterated, other accents dropped.</summary>
    private static string Ascii(string text)
    {
        var lower = text.ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Replace("ı", "i", StringComparison.Ordinal).Replace("ł", "l", StringComparison.Ordinal);
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
        }

        return builder.Length > 0 ? builder.ToString() : "klient";
    }
}
