using CaseManagement.Domain;
using CaseManagement.Domain.Trainings;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// The demo's joint trainings: three topics with past sessions and attendance, so that the demo team
/// leads see some people due (never attended, or the refresh has run out) and one coming session.
/// Runs once: nothing happens when the catalogue holds any training.
/// </summary>
public sealed class DemoTrainingSeeder(IDbContextFactory<CaseManagementDbContext> contextFactory, TimeProvider? clock = null)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Trainings.AnyAsync(cancellationToken))
        {
            return;
        }

        var emails = DemoAccounts.All.Concat(DemoAccounts.AdditionalCaseworkers).Select(a => a.Email).ToList();
        var ids = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var today = GermanCalendar.DateOf(now);
        const string by = "Elif Demir";

        Training Topic(string title, string description, TrainingAudience audience, int? months)
        {
            var training = new Training
            {
                Id = Guid.NewGuid(), Title = title, Description = description, Audience = audience, RefreshMonths = months,
                IsActive = true, CreatedAt = now.AddMonths(-36), ChangedAt = now.AddMonths(-36), ChangedByName = by,
            };
            db.Trainings.Add(training);
            return training;
        }

        void Session(Training training, DateOnly heldOn, string trainer, string place, params (string Email, AttendanceStatus Status)[] people)
        {
            var session = new TrainingSession
            {
                Id = Guid.NewGuid(), TrainingId = training.Id, HeldOn = heldOn, Trainer = trainer, Place = place,
                ChangedAt = now, ChangedByName = by,
            };
            db.TrainingSessions.Add(session);
            foreach (var (email, status) in people.Where(p => ids.ContainsKey(p.Email)))
            {
                db.TrainingAttendances.Add(new TrainingAttendance
                {
                    Id = Guid.NewGuid(), SessionId = session.Id, StaffId = ids[email], Status = status, ChangedAt = now, ChangedByName = by,
                });
            }
        }

        const AttendanceStatus attended = AttendanceStatus.Attended;
        var addiction = Topic(
            "Grundlagen Sucht und Abhängigkeit",
            "Substanzen, Konsummuster, Substitution und Entzug; was eine Abhängigkeit für die Arbeitsaufnahme bedeutet. Für Fallmanager:innen des Jobcenters.",
            TrainingAudience.Jobcenter, 24);
        Session(addiction, today.AddMonths(-30), "Dr. Ulrike Sommer (Suchtambulanz)", "Jobcenter, Raum 2.14",
            ("joerg.schaefer@jobcenter.example", attended), ("aylin.kaya@jobcenter.example", AttendanceStatus.Absent));
        Session(addiction, today.AddMonths(-8), "Dr. Ulrike Sommer (Suchtambulanz)", "Drogenhilfe, Gruppenraum",
            ("fallmanagerin@jobcenter.example", attended), ("katharina.hoffmann@jobcenter.example", attended), ("teamleitung@jobcenter.example", attended));

        var caseLaw = Topic(
            "SGB II – aktuelle Rechtsprechung",
            "Neue Urteile zu Mitwirkungspflichten, Kooperationsplan und Leistungsminderung; für Fachkräfte der Drogenhilfe.",
            TrainingAudience.DrugHelpService, 12);
        Session(caseLaw, today.AddMonths(-14), "Rechtsanwältin Carola Winter", "Jobcenter, Sitzungssaal",
            ("fachkraft@drogenhilfe.example", attended), ("franziska.krueger@drogenhilfe.example", attended));
        Session(caseLaw, today.AddMonths(-3), "Rechtsanwältin Carola Winter", "Jobcenter, Sitzungssaal",
            ("franziska.krueger@drogenhilfe.example", attended), ("bjoern.lehmann@drogenhilfe.example", attended),
            ("nadine.bauer@drogenhilfe.example", AttendanceStatus.Absent), ("teamleitung@drogenhilfe.example", attended));

        var privacy = Topic(
            "Datenschutz in der Kooperation",
            "Schweigepflichtentbindung, was die andere Seite sehen darf, interne Notizen; für beide Organisationen.",
            TrainingAudience.Both, 12);
        Session(privacy, today.AddMonths(-5), "Thomas Brandt (Datenschutz)", "Jobcenter, Raum 1.02",
            ("fallmanagerin@jobcenter.example", attended), ("fachkraft@drogenhilfe.example", attended),
            ("teamleitung@jobcenter.example", attended), ("teamleitung@drogenhilfe.example", attended),
            ("katharina.hoffmann@jobcenter.example", attended), ("nadine.bauer@drogenhilfe.example", attended));
        Session(privacy, today.AddDays(21), "Thomas Brandt (Datenschutz)", "Drogenhilfe, Gruppenraum",
            ("aylin.kaya@jobcenter.example", AttendanceStatus.Registered), ("joerg.schaefer@jobcenter.example", AttendanceStatus.Registered),
            ("bjoern.lehmann@drogenhilfe.example", AttendanceStatus.Registered));

        await db.SaveChangesAsync(cancellationToken);
    }
}
