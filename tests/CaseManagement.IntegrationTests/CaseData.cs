using System.Runtime.CompilerServices;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests;

/// <summary>
/// Test data written straight into the test database: staff accounts of our own (so that seeded
/// demo data never mixes in) and clients with exactly the responsibilities and consents a test needs.
/// </summary>
internal static class CaseData
{
    public const string Password = "Test-Passwort-sehr-lang-2026";

    private static int s_caseSequence;

    public static T Service<T>(this AppFixture app)
        where T : notnull => app.Factory.Services.GetRequiredService<T>();

    public static Task<CaseManagementDbContext> DbAsync(this AppFixture app) =>
        app.Service<IDbContextFactory<CaseManagementDbContext>>().CreateDbContextAsync();

    public static DateTimeOffset Now(this AppFixture app) => app.Service<TimeProvider>().GetUtcNow();

    public static DateOnly Today(this AppFixture app) => GermanCalendar.DateOf(app.Now());

    /// <summary>Case numbers of a year no real registration uses, so they never collide with the app's or the seeder's.</summary>
    public static string NextCaseNumber() => CaseNumber.Format(1990, Interlocked.Increment(ref s_caseSequence));

    /// <summary>The staff member behind the demo account of <paramref name="role"/>.</summary>
    public static async Task<StaffMember> DemoMemberAsync(this AppFixture app, string role)
    {
        var account = DemoAccounts.All.First(a => a.Role == role);
        return await app.MemberByEmailAsync(account.Email);
    }

    public static Task<StaffMember> MemberByEmailAsync(this AppFixture app, string email) =>
        StaffMembers.ByEmailAsync(app.Factory.Services, email);

    /// <summary>A new staff account of our own, e.g. a colleague of a demo account.</summary>
    /// <param name="email">Given when the test signs in as the member (password <see cref="Password"/>).</param>
    public static async Task<StaffMember> CreateMemberAsync(this AppFixture app, string role, Organisation organisation, string displayName, string? email = null)
    {
        email ??= $"{Guid.NewGuid():N}@test.example";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                Organisation = organisation,
            };
            Succeeded(await users.CreateAsync(user, Password));
            Succeeded(await users.AddToRoleAsync(user, role));
        }

        return await app.MemberByEmailAsync(email);
    }

    public static Client NewClient(
        Organisation owner, string? caseManagerId, string? drugHelpWorkerId,
        string firstName = "Anna", string lastName = "Beispiel", DateOnly? birthDate = null, DateTimeOffset? createdAt = null)
    {
        var client = new Client
        {
            Id = Guid.NewGuid(),
            CaseNumber = NextCaseNumber(),
            OwningOrganisation = owner,
            ResponsibleCaseManagerId = caseManagerId,
            ResponsibleDrugHelpWorkerId = drugHelpWorkerId,
            FirstName = firstName,
            LastName = lastName,
            BirthDate = birthDate ?? new DateOnly(1990, 5, 17),
            Gender = Gender.Female,
            Street = "Bismarckstraße 1",
            PostalCode = "67059",
            City = "Ludwigshafen am Rhein",
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        client.RefreshDerivedFields();
        return client;
    }

    public static CaseEpisode AddEpisode(this Client client, DateOnly startedOn, bool open = true)
    {
        var episode = new CaseEpisode
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            StartedOn = startedOn,
            EndedOn = open ? null : startedOn.AddDays(30),
            ClosureReason = open ? null : ClosureReason.WorkTakenUp,
            ReferringBody = ReferringBody.Physician,
            MainDiagnosis = "F11.2",
            SecondaryDiagnoses = "F17.2",
            ConditionsImposed = "Urinkontrollen",
        };
        client.Episodes.Add(episode);
        return episode;
    }

    public static ClientConsent AddConsent(
        this Client client, string recordedById, ConsentScope scope, ConsentDirections directions,
        DateOnly signedOn, DateOnly? validUntil = null, DateTimeOffset? revokedAt = null)
    {
        var consent = new ClientConsent
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            Scope = scope,
            Directions = directions,
            Purpose = "Gemeinsame Fallarbeit",
            SignedOn = signedOn,
            ValidUntil = validUntil,
            RevokedAt = revokedAt,
            RecordedById = recordedById,
            RecordedByOrganisation = Organisation.Jobcenter,
            RecordedAt = DateTimeOffset.UtcNow,
        };
        client.Consents.Add(consent);
        return consent;
    }

    public static InternalNote AddNote(this Client client, Organisation organisation, string text)
    {
        var note = new InternalNote
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            Organisation = organisation,
            AuthorId = "test",
            AuthorName = "Testautor:in",
            CreatedAt = DateTimeOffset.UtcNow,
            Text = text,
        };
        client.Notes.Add(note);
        return note;
    }

    public static async Task SaveClientsAsync(this AppFixture app, IEnumerable<Client> clients)
    {
        await using var db = await app.DbAsync();
        db.Clients.AddRange(clients);
        await db.SaveChangesAsync();
    }

    public static async Task<int> AuditCountAsync(this AppFixture app, Guid clientId)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.CountAsync(a => a.ClientId == clientId);
    }

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}

/// <summary>Data that a test class sets up once per fixture (one database), shared by its tests.</summary>
internal static class PerFixture<TData>
    where TData : class
{
    private static readonly ConditionalWeakTable<AppFixture, Task<TData>> Cache = [];
    private static readonly Lock Gate = new();

    public static Task<TData> GetAsync(AppFixture app, Func<AppFixture, Task<TData>> create)
    {
        lock (Gate)
        {
            if (!Cache.TryGetValue(app, out var data))
            {
                data = create(app);
                Cache.Add(app, data);
            }

            return data;
        }
    }
}
