using System.Globalization;
using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Retention;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Retention;

/// <summary>The retention periods in force and who last set them (null: the documented defaults).</summary>
/// <param name="AuditYears">Years after a case's anonymisation (or, for entries about no case, after the entry) that the audit log keeps an entry.</param>
public sealed record RetentionPeriods(int ClosedCaseYears, int AuditYears, DateTimeOffset? ChangedAt, string? ChangedByName)
{
    public static RetentionPeriods Defaults { get; } = new(RetentionRules.DefaultClosedCaseYears, RetentionRules.DefaultAuditYears, null, null);
}

/// <summary>
/// The retention periods of the Löschkonzept: read by everyone who runs or previews a retention run,
/// changed only by Administration, every change audited.
/// </summary>
public sealed class RetentionPolicy(
    IDbContextFactory<CaseManagementDbContext> contextFactory, IValidator<RetentionPeriodsInput> validator, AuditTrail audit, TimeProvider clock)
{
    public async Task<RetentionPeriods> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, cancellationToken);
    }

    internal static async Task<RetentionPeriods> ReadAsync(CaseManagementDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.RetentionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RetentionSetting.SingleId, cancellationToken);
        return stored is null ? RetentionPeriods.Defaults : new RetentionPeriods(stored.ClosedCaseYears, stored.AuditYears, stored.ChangedAt, stored.ChangedByName);
    }

    public async Task<CommandResult> SetAsync(StaffMember actor, RetentionPeriodsInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var setting = await db.RetentionSettings.SingleOrDefaultAsync(s => s.Id == RetentionSetting.SingleId, cancellationToken);
        if (setting is null)
        {
            setting = new RetentionSetting();
            db.RetentionSettings.Add(setting);
        }

        var (casesBefore, auditBefore) = (setting.ClosedCaseYears, setting.AuditYears);
        setting.ClosedCaseYears = input.ClosedCaseYears;
        setting.AuditYears = input.AuditYears;
        setting.ChangedAt = clock.GetUtcNow();
        setting.ChangedByName = actor.DisplayName;
        audit.Add(db, actor, AuditAction.RetentionPeriodsChanged, clientId: null, caseNumber: null, category: null,
        [
            $"Abgeschlossene Fälle: {casesBefore.ToString(CultureInfo.InvariantCulture)} → {input.ClosedCaseYears.ToString(CultureInfo.InvariantCulture)} Jahre",
            $"Zugriffsprotokoll: {auditBefore.ToString(CultureInfo.InvariantCulture)} → {input.AuditYears.ToString(CultureInfo.InvariantCulture)} Jahre",
        ]);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok();
    }
}
