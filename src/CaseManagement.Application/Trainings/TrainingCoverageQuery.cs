using CaseManagement.Application.Clients;
using CaseManagement.Application.Team;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Trainings;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Trainings;

/// <summary>Someone of the team who is not trained in a topic: since when, and whether a session is booked.</summary>
/// <param name="LastAttended">Null for never.</param>
/// <param name="DueSince">When the last attendance ran out; null for never attended.</param>
/// <param name="NextRegistered">A coming session the person is registered for.</param>
public sealed record DuePerson(StaffRef Staff, DateOnly? LastAttended, DateOnly? DueSince, DateOnly? NextRegistered);

/// <summary>One topic for a group of people: how many are trained, and (for a team lead) who is due.</summary>
public sealed record TopicCoverage(Guid TrainingId, string Title, TrainingAudience Audience, int? RefreshMonths, int Trained, int Total, IReadOnlyList<DuePerson> Due)
{
    public int? SharePercent => TrainingRules.SharePercent(Trained, Total);
}

/// <summary>A team lead's view: the topics meant for their organisation, counted over the people of their team.</summary>
public sealed record TeamTrainingCoverage(string ScopeLabel, DateOnly Day, int People, IReadOnlyList<TopicCoverage> Topics);

/// <summary>One topic as the person sees it: where they stand, and the coming session they are registered for.</summary>
public sealed record OwnTopic(Guid TrainingId, string Title, int? RefreshMonths, TrainingStanding Standing, DateOnly? NextRegistered)
{
    /// <summary>The day the current attendance runs out; null when never attended, once is enough, or already due.</summary>
    public DateOnly? ValidUntil => Standing.IsTrained && Standing.LastAttended is { } last ? TrainingRules.ExpiresOn(last, RefreshMonths) : null;
}

/// <summary>One line of the person's history.</summary>
public sealed record OwnAttendance(string Title, DateOnly HeldOn, string Trainer, string? Place, AttendanceStatus Status);

public sealed record OwnTrainings(DateOnly Day, IReadOnlyList<OwnTopic> Topics, IReadOnlyList<OwnAttendance> History);

/// <summary>One figure of the steering report's training table: a topic in one organisation.</summary>
public sealed record OrganisationTopicCoverage(string Title, Organisation Organisation, int Trained, int Total)
{
    public int? SharePercent => TrainingRules.SharePercent(Trained, Total);
}

/// <summary>
/// How far the staff are trained (<see cref="TrainingRules.StandingOf"/>). Counted are the active
/// caseworkers and team leads (<see cref="TrainingAccess.IsTrainee"/>) of the organisations a topic
/// is meant for; only active topics count. A team lead sees their own team (<see cref="TeamScope"/>)
/// with names, never people of the other organisation; everyone who is trained sees themselves.
/// </summary>
public sealed class TrainingCoverageQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, TimeProvider clock)
{
    private static readonly string[] TraineeRoles =
        [StaffRole.CaseManager, StaffRole.DrugHelpWorker, StaffRole.TeamLeadJobcenter, StaffRole.TeamLeadDrugHelp];

    /// <summary>The team lead's team; null for anyone else.</summary>
    public async Task<TeamTrainingCoverage?> TeamAsync(StaffMember teamLead, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.MaySeeTeamCoverage(teamLead))
        {
            return null;
        }

        var today = GermanCalendar.DateOf(clock.GetUtcNow());
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var scope = await TeamScope.OfAsync(db, teamLead, cancellationToken);
        var people = (await TraineesAsync(db, scope.Organisation, cancellationToken)).Where(p => scope.Includes(p.Id)).ToList();
        var topics = await TopicsAsync(db, scope.Organisation, cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var attendances = await AttendancesAsync(db, ids, cancellationToken);

        var result = new List<TopicCoverage>();
        foreach (var topic in topics)
        {
            var due = new List<DuePerson>();
            var trained = 0;
            foreach (var person in people)
            {
                var own = attendances.Where(a => a.StaffId == person.Id && a.TrainingId == topic.Id).ToList();
                var standing = TrainingRules.StandingOf(own.Select(a => (a.HeldOn, a.Status)), topic.RefreshMonths, today);
                if (standing.IsTrained)
                {
                    trained++;
                    continue;
                }

                var next = own.Where(a => a.Status == AttendanceStatus.Registered && a.HeldOn >= today).Select(a => (DateOnly?)a.HeldOn).Min();
                due.Add(new DuePerson(new StaffRef(person.Id, person.DisplayName, person.Organisation), standing.LastAttended, standing.DueSince, next));
            }

            result.Add(new TopicCoverage(
                topic.Id, topic.Title, topic.Audience, topic.RefreshMonths, trained, people.Count,
                [.. due.OrderBy(d => d.LastAttended is null ? 0 : 1).ThenBy(d => d.DueSince).ThenBy(d => d.Staff.DisplayName, StringComparer.CurrentCulture)]));
        }

        return new TeamTrainingCoverage(scope.Label, today, people.Count, result);
    }

    /// <summary>The person's own topics and history; null for someone who is not among the people to be trained.</summary>
    public async Task<OwnTrainings?> MineAsync(StaffMember staff, CancellationToken cancellationToken = default)
    {
        if (!TrainingAccess.IsTrainee(staff))
        {
            return null;
        }

        var today = GermanCalendar.DateOf(clock.GetUtcNow());
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var topics = await TopicsAsync(db, staff.Organisation, cancellationToken);
        var attendances = await AttendancesAsync(db, [staff.Id], cancellationToken);
        var own = topics.Select(t =>
        {
            var mine = attendances.Where(a => a.TrainingId == t.Id).ToList();
            var next = mine.Where(a => a.Status == AttendanceStatus.Registered && a.HeldOn >= today).Select(a => (DateOnly?)a.HeldOn).Min();
            return new OwnTopic(t.Id, t.Title, t.RefreshMonths, TrainingRules.StandingOf(mine.Select(a => (a.HeldOn, a.Status)), t.RefreshMonths, today), next);
        }).ToList();
        var history = await (
            from a in db.TrainingAttendances.AsNoTracking()
            join s in db.TrainingSessions.AsNoTracking() on a.SessionId equals s.Id
            join t in db.Trainings.AsNoTracking() on s.TrainingId equals t.Id
            where a.StaffId == staff.Id
            orderby s.HeldOn descending
            select new OwnAttendance(t.Title, s.HeldOn, s.Trainer, s.Place, a.Status)).ToListAsync(cancellationToken);
        return new OwnTrainings(
            today,
            [.. own.OrderBy(o => o.Standing.IsTrained).ThenBy(o => o.Title, StringComparer.CurrentCulture)],
            history);
    }

    /// <summary>
    /// The steering report's table: per active topic and each organisation it is meant for, the trained
    /// people on <paramref name="day"/> among today's active caseworkers and team leads. No names.
    /// </summary>
    internal static async Task<IReadOnlyList<OrganisationTopicCoverage>> OrganisationsAsync(CaseManagementDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var rows = new List<OrganisationTopicCoverage>();
        foreach (var organisation in new[] { Organisation.Jobcenter, Organisation.DrugHelpService })
        {
            var people = await TraineesAsync(db, organisation, cancellationToken);
            var ids = people.Select(p => p.Id).ToList();
            var attendances = await AttendancesAsync(db, ids, cancellationToken);
            foreach (var topic in await TopicsAsync(db, organisation, cancellationToken))
            {
                var trained = people.Count(p => TrainingRules.StandingOf(
                    attendances.Where(a => a.StaffId == p.Id && a.TrainingId == topic.Id).Select(a => (a.HeldOn, a.Status)), topic.RefreshMonths, day).IsTrained);
                rows.Add(new OrganisationTopicCoverage(topic.Title, organisation, trained, people.Count));
            }
        }

        return [.. rows.OrderBy(r => r.Title, StringComparer.CurrentCulture).ThenBy(r => r.Organisation)];
    }

    private sealed record Trainee(string Id, string DisplayName, Organisation Organisation);

    private sealed record Topic(Guid Id, string Title, TrainingAudience Audience, int? RefreshMonths);

    private sealed record Attendance(string StaffId, Guid TrainingId, DateOnly HeldOn, AttendanceStatus Status);

    /// <summary>Active caseworkers and team leads of the organisation.</summary>
    private static async Task<List<Trainee>> TraineesAsync(CaseManagementDbContext db, Organisation organisation, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Organisation == organisation && u.DeactivatedAt == null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && TraineeRoles.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Trainee(u.Id, u.DisplayName, u.Organisation))
            .ToListAsync(cancellationToken);

    /// <summary>Active topics meant for the organisation, by title.</summary>
    private static async Task<List<Topic>> TopicsAsync(CaseManagementDbContext db, Organisation organisation, CancellationToken cancellationToken)
    {
        var audience = TrainingLabels.AudienceOf(organisation);
        var topics = await db.Trainings.AsNoTracking()
            .Where(t => t.IsActive && (t.Audience == audience || t.Audience == TrainingAudience.Both))
            .Select(t => new Topic(t.Id, t.Title, t.Audience, t.RefreshMonths))
            .ToListAsync(cancellationToken);
        return [.. topics.OrderBy(t => t.Title, StringComparer.CurrentCulture)];
    }

    private static async Task<List<Attendance>> AttendancesAsync(CaseManagementDbContext db, List<string> staffIds, CancellationToken cancellationToken) =>
        staffIds.Count == 0
            ? []
            : await (
                from a in db.TrainingAttendances.AsNoTracking()
                join s in db.TrainingSessions.AsNoTracking() on a.SessionId equals s.Id
                where staffIds.Contains(a.StaffId)
                select new Attendance(a.StaffId, s.TrainingId, s.HeldOn, a.Status)).ToListAsync(cancellationToken);
}
