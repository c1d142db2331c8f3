using CaseManagement.Domain.Steering;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class SteeringRoundMemberConfiguration : IEntityTypeConfiguration<SteeringRoundMember>
{
    public void Configure(EntityTypeBuilder<SteeringRoundMember> member)
    {
        member.HasKey(m => m.Id);
        member.Property(m => m.StaffId).HasMaxLength(450).IsRequired();
        member.HasIndex(m => new { m.Round, m.StaffId }).IsUnique();
        member.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SteeringMeetingConfiguration : IEntityTypeConfiguration<SteeringMeeting>
{
    public void Configure(EntityTypeBuilder<SteeringMeeting> meeting)
    {
        meeting.HasKey(m => m.Id);
        meeting.Property(m => m.Participants).HasMaxLength(SteeringMeeting.ParticipantsMaxLength).IsRequired();
        meeting.Property(m => m.Agenda).HasMaxLength(SteeringMeeting.AgendaMaxLength).IsRequired();
        meeting.Property(m => m.Minutes).HasMaxLength(SteeringMeeting.MinutesMaxLength).IsRequired();
        meeting.Property(m => m.Decisions).HasMaxLength(SteeringMeeting.MinutesMaxLength).IsRequired();
        meeting.Property(m => m.FrozenPeriodLabel).HasMaxLength(100);
        meeting.Property(m => m.ChangedByName).HasMaxLength(120).IsRequired();
        meeting.HasIndex(m => new { m.Round, m.HeldOn });
    }
}

internal sealed class SteeringMeasureConfiguration : IEntityTypeConfiguration<SteeringMeasure>
{
    public void Configure(EntityTypeBuilder<SteeringMeasure> measure)
    {
        measure.HasKey(m => m.Id);
        measure.Property(m => m.What).HasMaxLength(SteeringMeasure.WhatMaxLength).IsRequired();
        measure.Property(m => m.Who).HasMaxLength(SteeringMeasure.WhoMaxLength).IsRequired();
        measure.Property(m => m.Figure).HasMaxLength(50);
        measure.Property(m => m.ChangedByName).HasMaxLength(120).IsRequired();
        measure.HasIndex(m => new { m.Round, m.Status });
        measure.HasIndex(m => m.MeetingId);
        measure.HasOne<SteeringMeeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MunicipalReportConfiguration : IEntityTypeConfiguration<MunicipalReport>
{
    public void Configure(EntityTypeBuilder<MunicipalReport> report)
    {
        report.HasKey(r => r.Id);
        report.HasIndex(r => r.Year).IsUnique();
        report.Property(r => r.Introduction).HasMaxLength(MunicipalReport.NarrativeMaxLength).IsRequired();
        report.Property(r => r.CasesAndHelp).HasMaxLength(MunicipalReport.NarrativeMaxLength).IsRequired();
        report.Property(r => r.NetworkAndNeeds).HasMaxLength(MunicipalReport.NarrativeMaxLength).IsRequired();
        report.Property(r => r.Trainings).HasMaxLength(MunicipalReport.NarrativeMaxLength).IsRequired();
        report.Property(r => r.SteeringMeasures).HasMaxLength(MunicipalReport.NarrativeMaxLength).IsRequired();
        report.Property(r => r.Outlook).HasMaxLength(MunicipalReport.NarrativeMaxLength).IsRequired();
        report.Property(r => r.ChangedByName).HasMaxLength(120).IsRequired();
    }
}
