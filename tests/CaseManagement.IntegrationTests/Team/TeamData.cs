using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;

namespace CaseManagement.IntegrationTests.Team;

/// <summary>Plans, appointments and referrals written straight into the test database, with exactly the dates a figure test needs.</summary>
internal static class TeamData
{
    /// <summary>A plan version with one goal; each step is (due date, status).</summary>
    public static HelpPlan AddPlan(
        this Client client, HelpPlanStatus status, int version = 1, DateOnly? nextReviewOn = null, DateTimeOffset? createdAt = null,
        params (DateOnly? DueOn, StepStatus Status)[] steps)
    {
        var plan = new HelpPlan
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            Version = version,
            Status = status,
            IntegrationGoal = "Aufnahme einer Beschäftigung",
            NextReviewOn = nextReviewOn,
            AgreedOn = status == HelpPlanStatus.Draft ? null : new DateOnly(2026, 1, 5),
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
            ChangedAt = createdAt ?? DateTimeOffset.UtcNow,
            ChangedById = "test",
            ChangedByName = "Testautor:in",
        };
        var goal = new PlanGoal { Id = Guid.NewGuid(), PlanId = plan.Id, Key = Guid.NewGuid(), Area = PlanArea.JobPlacement, Position = 0, Text = "Arbeit finden" };
        goal.Steps = [.. steps.Select((s, i) => new PlanStep
        {
            Id = Guid.NewGuid(), GoalId = goal.Id, Key = Guid.NewGuid(), Position = i, Description = $"Schritt {i + 1}",
            Responsible = StepParty.Jobcenter, DueOn = s.DueOn, Status = s.Status,
        })];
        plan.Goals = [goal];
        return plan;
    }

    public static Appointment Appointment(
        Guid? clientId, DateTimeOffset start, AppointmentOutcome outcome, Organisation holder, params StaffMember[] participants) => new()
        {
            Id = Guid.NewGuid(),
            ClientId = clientId,
            Type = clientId is null ? AppointmentType.Outreach : AppointmentType.JointCounselling,
            Start = start.ToUniversalTime(),
            DurationMinutes = 60,
            Place = clientId is null ? "Berliner Platz" : null,
            HolderOrganisation = holder,
            Outcome = outcome,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedById = participants[0].Id,
            ChangedAt = DateTimeOffset.UtcNow,
            ChangedByName = participants[0].DisplayName,
            Participants = [.. participants.Select(p => new AppointmentStaffMember { StaffId = p.Id, Organisation = p.Organisation })],
        };

    public static Partner Partner() => new()
    {
        Id = Guid.NewGuid(),
        Name = $"Schuldnerberatung {Guid.NewGuid():N}"[..30],
        Type = PartnerType.DebtCounselling,
        ChangedAt = DateTimeOffset.UtcNow,
        ChangedByName = "Administration",
    };

    /// <summary>A referral by <paramref name="actor"/>'s organisation, requested on <paramref name="requestedOn"/> and moved on through <paramref name="then"/>.</summary>
    public static Referral Referral(
        Client client, Partner partner, StaffMember actor, DateOnly today, DateOnly requestedOn, params ReferralStatus[] then)
    {
        var referral = Domain.Referrals.Referral.Propose(
            client.Id, partner, "Anbindung an Beratung", null, requestedOn.AddDays(-1), today, actor, DateTimeOffset.UtcNow);
        referral.Progress.Record(ReferralStatus.Requested, requestedOn, today);
        foreach (var status in then)
        {
            referral.Progress.Record(status, requestedOn, today);
        }

        return referral;
    }

    /// <summary>A wall-clock time in Ludwigshafen, <paramref name="days"/> from today.</summary>
    public static DateTimeOffset At(DateOnly today, int days, int hour) => GermanCalendar.At(today.AddDays(days), new TimeOnly(hour, 0));
}
