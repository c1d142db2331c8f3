using CaseManagement.Application.Appointments;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Appointments;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Appointments;

/// <summary>The client file lists every appointment it may show, whatever became of the people who took part.</summary>
public sealed class ClientAppointmentListTests(AppFixture app) : IClassFixture<AppFixture>
{
    private AppointmentQuery Query => app.AppointmentQuery();

    [Fact]
    public async Task An_appointment_whose_participants_are_gone_still_stands_in_the_clients_file()
    {
        var joint = await app.AppointmentCaseAsync();
        var cm = joint.CaseManager;
        var kept = await app.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(-2), new TimeOnly(9, 0), 60, cm));
        var orphan = await app.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(-1), new TimeOnly(10, 0), 60, cm));
        await using (var db = await app.DbAsync())
        {
            await db.AppointmentParticipants.Where(p => p.AppointmentId == orphan).ExecuteDeleteAsync();
        }

        var list = await Query.ForClientAsync(cm, joint.ClientId);

        Assert.Equal([orphan, kept], list!.Past.Select(r => r.Id));
        Assert.Empty(list.Past[0].ParticipantNames);
        Assert.Equal([cm.DisplayName], list.Past[1].ParticipantNames);
    }

    [Fact]
    public async Task The_people_who_take_part_are_listed_by_name()
    {
        var joint = await app.AppointmentCaseAsync();
        var cm = joint.CaseManager;
        string[] colleagues = ["Özlem Yıldız", "Anna Ziegler", "Zeynep Aydın", "Bernd Öttinger"];
        var people = new List<StaffMember> { cm };
        foreach (var name in colleagues)
        {
            people.Add(await app.CreateMemberAsync(StaffRole.CaseManager, Organisation.Jobcenter, name));
        }

        await app.ScheduleAsync(cm, AppointmentData.Plan(AppointmentType.JobcenterOnly, joint.ClientId, app.Today().AddDays(3), new TimeOnly(9, 0), 60, [.. people]));

        var listed = (await Query.ForClientAsync(cm, joint.ClientId))!.Upcoming.Single().ParticipantNames;

        // German order: Ö beside O, not after Z.
        Assert.Equal(["Anna Ziegler", "Bernd Öttinger", cm.DisplayName, "Özlem Yıldız", "Zeynep Aydın"], listed);
    }
}
