using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Application;
using CaseManagement.Application.Clients;
using CaseManagement.Application.Consent;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// Hostile or odd input on every field of the forms. Each command either refuses the field with a
/// German message and saves nothing (not even an audit line), or stores the text exactly as typed
/// (trimmed) so that it reads back byte for byte. It never throws.
/// </summary>
public sealed partial class ClientInputSafetyTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>What the product must do with an input; "either" where refusing and storing are both acceptable.</summary>
    public enum Expect
    {
        Either,
        Stored,
        Refused,
    }

    private static readonly Dictionary<string, string> Payloads = new(StringComparer.Ordinal)
    {
        ["10000-characters"] = new string('a', 10_000),
        ["script-tag"] = "<script>alert(1)</script>",
        ["emoji"] = "😀",
        ["arabic"] = "مرحبا",
        ["hebrew"] = "שלום",
        ["sql-injection"] = "Robert'); DROP TABLE \"Clients\";--",
        ["apostrophe"] = "O'Brien",
        ["nul"] = "Anna\0Maria",
        ["control-characters"] = "Anna\u0001\u0007\u001b[2J\u007fMaria",
        ["c1-control-character"] = "Anna\u0085Maria",
        ["right-to-left-override"] = "Anna\u202Eairam",
    };

    private static readonly string[] ClientTextFields =
    [
        nameof(ClientInput.FirstName), nameof(ClientInput.LastName), nameof(ClientInput.Street), nameof(ClientInput.PostalCode),
        nameof(ClientInput.City), nameof(ClientInput.Phone), nameof(ClientInput.Email), nameof(ClientInput.CounterpartId),
    ];

    private static readonly string[] HealthTextFields =
    [
        nameof(HealthDataInput.MainDiagnosis), nameof(HealthDataInput.SecondaryDiagnoses), nameof(HealthDataInput.ConditionsImposed),
    ];

    public static TheoryData<string, string> ClientTextCases => Cross(ClientTextFields);

    /// <summary>The edit form has every text field of registration except the counterpart, which is chosen only when registering.</summary>
    public static TheoryData<string, string> ClientEditTextCases =>
        Cross([.. ClientTextFields.Where(f => f != nameof(ClientInput.CounterpartId))]);

    public static TheoryData<string, string> HealthTextCases => Cross(HealthTextFields);

    public static TheoryData<string> PayloadNames => new(Payloads.Keys);

    public static TheoryData<string> ClientSpecialCases => new(ClientSpecials.Keys);

    public static TheoryData<string> ConsentSpecialCases => new(ConsentSpecials.Keys);

    /// <summary>Dates and list values out of range, and the edge that must still be accepted.</summary>
    private static Dictionary<string, (string Field, Expect Expect, Action<ClientInput, DateOnly> Apply)> ClientSpecials { get; } = new(StringComparer.Ordinal)
    {
        ["birth-date-tomorrow"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, today) => x.BirthDate = today.AddDays(1)),
        ["birth-date-in-ten-years"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, today) => x.BirthDate = today.AddYears(10)),
        ["birth-date-1899-12-31"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, _) => x.BirthDate = new DateOnly(1899, 12, 31)),
        ["birth-date-0001-01-01"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, _) => x.BirthDate = DateOnly.MinValue),
        ["birth-date-9999-12-31"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, _) => x.BirthDate = DateOnly.MaxValue),
        ["birth-date-missing"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, _) => x.BirthDate = null),
        ["birth-date-1900-01-01"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, _) => x.BirthDate = new DateOnly(1900, 1, 1)),
        ["birth-date-today"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, today) => x.BirthDate = today),
        ["birth-date-13-years"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, today) => x.BirthDate = today.AddYears(-14).AddDays(1)),
        ["birth-date-14-years"] = (nameof(ClientInput.BirthDate), Expect.Stored, (x, today) => x.BirthDate = today.AddYears(-14)),
        ["birth-date-80-years"] = (nameof(ClientInput.BirthDate), Expect.Stored, (x, today) => x.BirthDate = today.AddYears(-81).AddDays(1)),
        ["birth-date-81-years"] = (nameof(ClientInput.BirthDate), Expect.Refused, (x, today) => x.BirthDate = today.AddYears(-81)),
        ["first-name-empty"] = (nameof(ClientInput.FirstName), Expect.Refused, (x, _) => x.FirstName = ""),
        ["last-name-only-spaces"] = (nameof(ClientInput.LastName), Expect.Refused, (x, _) => x.LastName = "   "),
        ["gender-not-in-list"] = (nameof(ClientInput.Gender), Expect.Refused, (x, _) => x.Gender = (Gender)99),
        ["housing-not-in-list"] = (nameof(ClientInput.Housing), Expect.Refused, (x, _) => x.Housing = (HousingSituation)(-1)),
        ["schooling-not-in-list"] = (nameof(ClientInput.Schooling), Expect.Refused, (x, _) => x.Schooling = (Schooling)42),
        ["vocational-training-not-in-list"] = (nameof(ClientInput.VocationalTraining), Expect.Refused, (x, _) => x.VocationalTraining = (VocationalTraining)42),
        ["employment-not-in-list"] = (nameof(ClientInput.Employment), Expect.Refused, (x, _) => x.Employment = (EmploymentSituation)42),
    };

    private static Dictionary<string, (string Field, Expect Expect, Action<ConsentInput, DateOnly> Apply)> ConsentSpecials { get; } = new(StringComparer.Ordinal)
    {
        ["signed-tomorrow"] = (nameof(ConsentInput.SignedOn), Expect.Refused, (x, today) => x.SignedOn = today.AddDays(1)),
        ["signed-next-year"] = (nameof(ConsentInput.SignedOn), Expect.Refused, (x, today) => x.SignedOn = today.AddYears(1)),
        ["signed-missing"] = (nameof(ConsentInput.SignedOn), Expect.Refused, (x, _) => x.SignedOn = null),
        ["signed-1999-12-31"] = (nameof(ConsentInput.SignedOn), Expect.Refused, (x, _) => x.SignedOn = new DateOnly(1999, 12, 31)),
        ["signed-today"] = (nameof(ConsentInput.SignedOn), Expect.Stored, (x, today) => x.SignedOn = today),
        ["valid-until-before-signed"] = (nameof(ConsentInput.ValidUntil), Expect.Refused, (x, today) => (x.SignedOn, x.ValidUntil) = (today.AddDays(-10), today.AddDays(-11))),
        ["valid-until-long-before-signed"] = (nameof(ConsentInput.ValidUntil), Expect.Refused, (x, today) => (x.SignedOn, x.ValidUntil) = (today, DateOnly.MinValue)),
        ["valid-until-more-than-five-years"] = (nameof(ConsentInput.ValidUntil), Expect.Refused, (x, today) => (x.SignedOn, x.ValidUntil) = (today, today.AddYears(5).AddDays(1))),
        ["valid-until-same-day"] = (nameof(ConsentInput.ValidUntil), Expect.Stored, (x, today) => (x.SignedOn, x.ValidUntil) = (today, today)),
        ["no-category"] = (nameof(ConsentInput.MasterData), Expect.Refused, (x, _) => (x.MasterData, x.HelpPlan) = (false, false)),
        ["no-direction"] = (nameof(ConsentInput.JobcenterToDrugHelp), Expect.Refused, (x, _) => x.JobcenterToDrugHelp = false),
        ["health-data-not-named-explicitly"] = (nameof(ConsentInput.HealthDataNamedExplicitly), Expect.Refused, (x, _) => x.HealthData = true),
    };

    [Theory]
    [MemberData(nameof(ClientTextCases))]
    public async Task Registering_a_client_refuses_bad_text_in_German_or_stores_it_exactly(string field, string payload)
    {
        var data = await DataAsync();
        var value = Carried(field, Payloads[payload]);
        var input = ValidClientInput();
        SetText(input, field, value);
        Guid? created = null;

        await ExpectAsync(ExpectationForClient(field, payload), field, () => RegistrationRowsAsync(data.CaseManager), async () =>
        {
            var result = await app.Service<ClientRegistration>().RegisterAsync(data.CaseManager, input);
            created = result.Value?.Id;
            return result;
        }, () => ReadsBackAsync(data.CaseManager, created!.Value, field, value));
    }

    [Theory]
    [MemberData(nameof(ClientEditTextCases))]
    public async Task Changing_a_client_refuses_bad_text_in_German_or_stores_it_exactly(string field, string payload)
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        var value = Carried(field, Payloads[payload]);
        var (input, stamp) = await EditFormAsync(clientId);
        SetText(input, field, value);

        await ExpectAsync(ExpectationForClient(field, payload), field, () => ClientRowsAsync(clientId),
            () => app.Service<ClientRegistration>().UpdateAsync(data.CaseManager, clientId, input, stamp),
            () => ReadsBackAsync(data.CaseManager, clientId, field, value));
    }

    [Theory]
    [InlineData('ä')]
    [InlineData('ß')]
    public async Task Names_of_the_allowed_length_written_with_umlauts_are_registered_changed_and_read_back_exactly(char letter)
    {
        var data = await DataAsync();
        var input = ValidClientInput();
        input.FirstName = new string(letter, 100);
        input.LastName = new string(letter, 99) + "x";

        var registered = await app.Service<ClientRegistration>().RegisterAsync(data.CaseManager, input);

        Assert.True(registered.Succeeded, registered.Message);
        await ReadsBackAsync(data.CaseManager, registered.Value!.Id, nameof(ClientInput.LastName), input.LastName);
        var (edit, stamp) = await EditFormAsync(registered.Value.Id);
        edit.LastName = new string(letter, 100);
        var changed = await app.Service<ClientRegistration>().UpdateAsync(data.CaseManager, registered.Value.Id, edit, stamp);
        Assert.True(changed.Succeeded, changed.Message);
        await ReadsBackAsync(data.CaseManager, registered.Value.Id, nameof(ClientInput.LastName), edit.LastName);
    }

    [Theory]
    [MemberData(nameof(ClientSpecialCases))]
    public async Task Registering_a_client_refuses_out_of_range_dates_and_list_values_in_German(string name)
    {
        var data = await DataAsync();
        var (field, expect, apply) = ClientSpecials[name];
        var input = ValidClientInput();
        apply(input, app.Today());
        Guid? created = null;

        await ExpectAsync(expect, field, () => RegistrationRowsAsync(data.CaseManager), async () =>
        {
            var result = await app.Service<ClientRegistration>().RegisterAsync(data.CaseManager, input);
            created = result.Value?.Id;
            return result;
        }, () => BirthDateStoredAsync(created!.Value, input.BirthDate));
    }

    [Theory]
    [MemberData(nameof(ClientSpecialCases))]
    public async Task Changing_a_client_refuses_out_of_range_dates_and_list_values_in_German(string name)
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        var (field, expect, apply) = ClientSpecials[name];
        var (input, stamp) = await EditFormAsync(clientId);
        apply(input, app.Today());

        await ExpectAsync(expect, field, () => ClientRowsAsync(clientId),
            () => app.Service<ClientRegistration>().UpdateAsync(data.CaseManager, clientId, input, stamp),
            () => BirthDateStoredAsync(clientId, input.BirthDate));
    }

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public async Task Recording_a_consent_refuses_a_bad_purpose_in_German_or_stores_it_exactly(string payload)
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        var input = ValidConsentInput(app.Today());
        input.Purpose = Payloads[payload];

        await ExpectAsync(ExpectationForFreeText(payload), nameof(ConsentInput.Purpose), () => ClientRowsAsync(clientId),
            () => app.Service<ConsentCommands>().RecordAsync(data.CaseManager, clientId, input),
            async () =>
            {
                await using var db = await app.DbAsync();
                var stored = await db.Consents.AsNoTracking().SingleAsync(c => c.ClientId == clientId);
                AssertSameText(input.Purpose, stored.Purpose);
            });
    }

    [Theory]
    [MemberData(nameof(ConsentSpecialCases))]
    public async Task Recording_a_consent_refuses_impossible_dates_and_empty_choices_in_German(string name)
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        var (field, expect, apply) = ConsentSpecials[name];
        var input = ValidConsentInput(app.Today());
        apply(input, app.Today());

        await ExpectAsync(expect, field, () => ClientRowsAsync(clientId),
            () => app.Service<ConsentCommands>().RecordAsync(data.CaseManager, clientId, input),
            async () =>
            {
                await using var db = await app.DbAsync();
                var stored = await db.Consents.AsNoTracking().SingleAsync(c => c.ClientId == clientId);
                Assert.Equal((input.SignedOn, input.ValidUntil, input.Scope, input.Directions), (stored.SignedOn, stored.ValidUntil, stored.Scope, stored.Directions));
            });
    }

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public async Task Adding_an_internal_note_refuses_bad_text_in_German_or_stores_it_exactly(string payload)
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        var input = new NoteInput { Text = Payloads[payload] };

        await ExpectAsync(ExpectationForFreeText(payload), nameof(NoteInput.Text), () => ClientRowsAsync(clientId),
            () => app.Service<CaseCommands>().AddNoteAsync(data.CaseManager, clientId, input),
            async () =>
            {
                var file = await app.Service<ClientFileQuery>().OpenAsync(data.CaseManager, clientId);
                AssertSameText(input.Text, Assert.Single(file!.Notes).Text);
            });
    }

    [Fact]
    public async Task A_note_with_line_breaks_and_tabs_is_stored_with_them()
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        const string text = "Erste Zeile\r\nZweite Zeile\n\tEingerückt: Müller, Ärger, Straße";

        var result = await app.Service<CaseCommands>().AddNoteAsync(data.CaseManager, clientId, new NoteInput { Text = text });

        Assert.True(result.Succeeded, result.Message);
        var file = await app.Service<ClientFileQuery>().OpenAsync(data.CaseManager, clientId);
        AssertSameText(text, Assert.Single(file!.Notes).Text);
    }

    [Theory]
    [MemberData(nameof(HealthTextCases))]
    public async Task Recording_health_data_refuses_bad_text_in_German_or_stores_it_exactly(string field, string payload)
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        var input = ValidHealthInput();
        typeof(HealthDataInput).GetProperty(field)!.SetValue(input, Payloads[payload]);
        var expect = field == nameof(HealthDataInput.ConditionsImposed) ? ExpectationForFreeText(payload) : Expect.Refused;

        await ExpectAsync(expect, field, () => ClientRowsAsync(clientId),
            () => app.Service<CaseCommands>().UpdateHealthDataAsync(data.DrugHelpWorker, clientId, input),
            async () =>
            {
                await using var db = await app.DbAsync();
                var episode = await db.Episodes.AsNoTracking().SingleAsync(e => e.ClientId == clientId);
                AssertSameText(Payloads[payload], (string?)typeof(CaseEpisode).GetProperty(field)!.GetValue(episode));
            });
    }

    [Fact]
    public async Task Recording_health_data_refuses_a_referring_body_that_is_not_in_the_list()
    {
        var data = await DataAsync();
        var clientId = await NewClientAsync(data);
        var input = ValidHealthInput();
        input.ReferringBody = (ReferringBody)99;

        await ExpectAsync(Expect.Refused, nameof(HealthDataInput.ReferringBody), () => ClientRowsAsync(clientId),
            () => app.Service<CaseCommands>().UpdateHealthDataAsync(data.DrugHelpWorker, clientId, input),
            () => Task.CompletedTask);
    }

    // ---- The rule every case follows. ----

    private static async Task ExpectAsync(
        Expect expect, string field, Func<Task<List<string>>> rows, Func<Task<CommandResult>> act, Func<Task> readsBack)
    {
        var before = await rows();

        var result = await act(); // an exception fails the test: bad input must never throw

        if (result.Succeeded)
        {
            Assert.True(expect != Expect.Refused, $"{field}: the input was saved, but must be refused");
            await readsBack();
            return;
        }

        Assert.True(expect != Expect.Stored, $"{field}: the input was refused ({Describe(result)}), but must be stored");
        Assert.False(result.NotFound, Describe(result));
        Assert.False(result.Conflict, Describe(result));
        Assert.True(result.Errors.TryGetValue(field, out var messages), $"No error for {field}: {Describe(result)}");
        Assert.NotEmpty(messages);
        Assert.All(messages, message => Assert.True(LooksGerman(message), $"Not a German message: {message}"));
        Assert.Equal(before, await rows());
    }

    private static Expect ExpectationForClient(string field, string payload) => (field, payload) switch
    {
        (_, "10000-characters" or "nul") => Expect.Refused,
        (nameof(ClientInput.CounterpartId), _) => Expect.Refused, // none of them names a caseworker of the other organisation
        (nameof(ClientInput.FirstName) or nameof(ClientInput.LastName), "arabic" or "hebrew" or "apostrophe") => Expect.Stored,
        (nameof(ClientInput.Email), "apostrophe") => Expect.Stored, // o'brien@… is a valid address
        _ => Expect.Either,
    };

    /// <summary>Free text (notes, purpose, conditions) is text: markup, SQL and any script are stored as typed.</summary>
    private static Expect ExpectationForFreeText(string payload) => payload switch
    {
        "10000-characters" or "nul" => Expect.Refused,
        "script-tag" or "emoji" or "arabic" or "hebrew" or "sql-injection" or "apostrophe" => Expect.Stored,
        _ => Expect.Either,
    };

    private static bool LooksGerman(string message) => GermanWords().IsMatch(message);

    [GeneratedRegex(@"[äöüßÄÖÜ„]|\b(Bitte|bitte|darf|dürfen|enthält|enthalten|besteht|muss|nicht|höchstens|Zeichen|wählen|geben|Sie|Liste)\b")]
    private static partial Regex GermanWords();

    private static void AssertSameText(string expected, string? actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual!));
    }

    private static string Describe(CommandResult result) =>
        $"{result.Message} [{string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}]";

    // ---- Inputs. ----

    /// <summary>An e-mail address is tested with the payload as its local part, so that it gets past the "@" check.</summary>
    private static string Carried(string field, string payload) =>
        field == nameof(ClientInput.Email) ? $"{payload}@beispiel.example" : payload;

    private static ClientInput ValidClientInput() => new()
    {
        FirstName = "Ronja",
        LastName = "Eingabe",
        BirthDate = new DateOnly(1996, 8, 14),
        Gender = Gender.Female,
        Street = "Ludwigstraße 12",
        PostalCode = "67059",
        City = "Ludwigshafen am Rhein",
        Phone = "0621 504030",
        Email = "ronja@beispiel.example",
        ConfirmedNotDuplicate = true,
        ConfirmedOutsideTargetArea = true,
    };

    private static ConsentInput ValidConsentInput(DateOnly today) => new()
    {
        MasterData = true,
        HelpPlan = true,
        JobcenterToDrugHelp = true,
        Purpose = "Gemeinsame Hilfeplanung",
        SignedOn = today.AddDays(-1),
        ValidUntil = today.AddYears(1),
    };

    private static HealthDataInput ValidHealthInput() => new()
    {
        ReferringBody = ReferringBody.Physician,
        MainDiagnosis = "F12.2",
        SecondaryDiagnoses = "F17.2",
        ConditionsImposed = "Keine",
    };

    private static void SetText(ClientInput input, string field, string value) =>
        typeof(ClientInput).GetProperty(field)!.SetValue(input, value);

    private async Task<(ClientInput Input, Guid Stamp)> EditFormAsync(Guid clientId)
    {
        await using var db = await app.DbAsync();
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId);
        return (ClientInput.From(client), client.ConcurrencyStamp);
    }

    // ---- Reading back. ----

    private async Task ReadsBackAsync(StaffMember reader, Guid clientId, string field, string value)
    {
        await using (var db = await app.DbAsync())
        {
            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId);
            var stored = field == nameof(ClientInput.CounterpartId)
                ? client.ResponsibleDrugHelpWorkerId
                : (string?)typeof(Client).GetProperty(field)!.GetValue(client);
            AssertSameText(value, stored);
        }

        if (field != nameof(ClientInput.CounterpartId))
        {
            var file = await app.Service<ClientFileQuery>().OpenAsync(reader, clientId);
            AssertSameText(value, (string?)typeof(MasterDataView).GetProperty(field)!.GetValue(file!.MasterData));
        }
    }

    private async Task BirthDateStoredAsync(Guid clientId, DateOnly? birthDate)
    {
        await using var db = await app.DbAsync();
        Assert.Equal(birthDate, await db.Clients.Where(c => c.Id == clientId).Select(c => c.BirthDate).SingleAsync());
    }

    /// <summary>Everything stored about one client, every column, and its audit lines.</summary>
    private Task<List<string>> ClientRowsAsync(Guid clientId) => RowsAsync(
        """
        SELECT t::text FROM "Clients" t WHERE "Id" = @id
        UNION ALL SELECT t::text FROM "Episodes" t WHERE "ClientId" = @id
        UNION ALL SELECT t::text FROM "Consents" t WHERE "ClientId" = @id
        UNION ALL SELECT t::text FROM "InternalNotes" t WHERE "ClientId" = @id
        UNION ALL SELECT t::text FROM "AuditEntries" t WHERE "ClientId" = @id
        """,
        new NpgsqlParameter("id", clientId));

    /// <summary>The clients a caseworker has registered, and every audit line of theirs.</summary>
    private Task<List<string>> RegistrationRowsAsync(StaffMember caseManager) => RowsAsync(
        """
        SELECT t::text FROM "Clients" t WHERE "ResponsibleCaseManagerId" = @user
        UNION ALL SELECT t::text FROM "AuditEntries" t WHERE "UserId" = @user
        """,
        new NpgsqlParameter("user", caseManager.Id));

    private async Task<List<string>> RowsAsync(string sql, NpgsqlParameter parameter)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    // ---- Data. ----

    private static TheoryData<string, string> Cross(string[] fields, (string Field, string Payload)[]? except = null)
    {
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var payload in Payloads.Keys.Where(p => except?.Contains((field, p)) != true))
            {
                data.Add(field, payload);
            }
        }

        return data;
    }

    /// <summary>A client of the case manager (Jobcenter, holds the master data) and the drug-help worker, with an open episode.</summary>
    private async Task<Guid> NewClientAsync(Staff data)
    {
        var client = CaseData.NewClient(Organisation.Jobcenter, data.CaseManager.Id, data.DrugHelpWorker.Id, "Ronja", "Eingabe");
        client.AddEpisode(app.Today().AddDays(-20));
        await app.SaveClientsAsync([client]);
        return client.Id;
    }

    private Task<Staff> DataAsync() => PerFixture<Staff>.GetAsync(app, async fixture => new Staff(
        await fixture.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, "Fallmanagerin Eingabe"),
        await fixture.CreateMemberAsync(StaffRole.DrugHelpWorker, Organisation.DrugHelpService, "Fachkraft Eingabe")));

    private sealed record Staff(StaffMember CaseManager, StaffMember DrugHelpWorker);
}
