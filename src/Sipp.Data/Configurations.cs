using Sipp.Domain.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sipp.Data.Accounts;
using Sipp.Data.Audit;
using Sipp.Data.Companies;
using Sipp.Data.Contributions;
using Sipp.Data.Messaging;
using Sipp.Data.Rules;
using Sipp.Data.Workers;

namespace Sipp.Data;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> e)
    {
        e.Property(c => c.Npp).HasMaxLength(8).IsFixedLength();
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Npwp).HasMaxLength(16);
        e.HasIndex(c => c.Npp).IsUnique();
        e.ToTable(t => t.HasCheckConstraint("CK_Companies_JkkRiskClass", "\"JkkRiskClass\" BETWEEN 1 AND 5"));
    }
}

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> e)
    {
        e.Property(d => d.Code).HasMaxLength(3).IsFixedLength();
        e.Property(d => d.Name).HasMaxLength(200);
        e.Property(d => d.BranchOffice).HasMaxLength(200);
        e.Property(d => d.Address).HasMaxLength(500);
        e.Property(d => d.RegionCode).HasMaxLength(10);
        e.HasIndex(d => new { d.CompanyId, d.Code }).IsUnique();
        e.HasOne(d => d.Company).WithMany(c => c.Divisions).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> e)
    {
        e.Property(p => p.Kpj).HasMaxLength(11).IsFixedLength();
        e.Property(p => p.Nik).HasMaxLength(16).IsFixedLength();
        e.Property(p => p.PassportNumber).HasMaxLength(12);
        e.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength();
        e.Property(p => p.FullName).HasMaxLength(100);
        e.Property(p => p.NameNormalized).HasMaxLength(100);
        // A KPJ or NIK identifies one person forever (NULLs are distinct in unique indexes on both providers).
        e.HasIndex(p => p.Kpj).IsUnique();
        e.HasIndex(p => p.Nik).IsUnique();
        e.HasIndex(p => new { p.PassportNumber, p.CountryCode }).IsUnique();
        e.HasIndex(p => p.NameNormalized);
    }
}

internal sealed class EmploymentConfiguration : IEntityTypeConfiguration<Employment>
{
    public void Configure(EntityTypeBuilder<Employment> e)
    {
        e.Property(m => m.EndReasonText).HasMaxLength(200);
        e.Property(m => m.RejectionReason).HasMaxLength(500);
        e.Property(m => m.MotherMaidenName).HasMaxLength(100);
        e.Property(m => m.BirthPlace).HasMaxLength(100);
        e.Property(m => m.Address).HasMaxLength(500);
        e.Property(m => m.PostalCode).HasMaxLength(5);
        e.Property(m => m.Phone).HasMaxLength(16);
        e.Property(m => m.Npwp).HasMaxLength(16);
        e.HasOne(m => m.Participant).WithMany(p => p.Employments).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Division).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.DivisionId, m.Status, m.SortName, m.Id }); // the list filtered by status, in name order
        e.HasIndex(m => new { m.ParticipantId, m.DivisionId });
        e.HasIndex(m => new { m.Status, m.CreatedAt }); // the officers' verification queue, oldest first
        e.Property(m => m.SortName).HasMaxLength(100);
        e.Property(m => m.SearchKpj).HasMaxLength(11);
        e.Property(m => m.SearchNik).HasMaxLength(16);
        e.HasIndex(m => new { m.DivisionId, m.SortName, m.Id });
        e.HasIndex(m => new { m.DivisionId, m.SearchKpj });
        e.HasIndex(m => new { m.DivisionId, m.SearchNik });
        e.HasIndex(m => new { m.DivisionId, m.LatestUpah });
        e.HasIndex(m => new { m.DivisionId, m.MembershipStartDate }); // a period's joiners (review)
        e.HasIndex(m => new { m.DivisionId, m.EndDate });             // a period's leavers (review)
        e.Property(m => m.EmployeeNumber).HasMaxLength(30);
        // Unique among the division's current workers (waiting or active): a leaver's number may be given again.
        e.HasIndex(m => new { m.DivisionId, m.EmployeeNumber }, "IX_Employments_CurrentEmployeeNumber").IsUnique()
            .HasFilter("\"EmployeeNumber\" IS NOT NULL AND \"Status\" IN (1, 2)");
        e.HasIndex(m => new { m.DivisionId, m.EmployeeNumber }, "IX_Employments_DivisionId_EmployeeNumber"); // search, any status
    }
}

internal sealed class WageChangeConfiguration : IEntityTypeConfiguration<WageChange>
{
    public void Configure(EntityTypeBuilder<WageChange> e)
    {
        e.HasOne(w => w.Employment).WithMany(m => m.WageHistory).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(w => new { w.EmploymentId, w.EffectiveFrom }).IsUnique();
        e.ToTable(t => t.HasCheckConstraint("CK_WageChanges_Upah", "\"Upah\" BETWEEN 1 AND 1000000000"));
    }
}

internal sealed class ContributionPeriodConfiguration : IEntityTypeConfiguration<ContributionPeriod>
{
    public void Configure(EntityTypeBuilder<ContributionPeriod> e)
    {
        e.HasOne(p => p.Division).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.DivisionId, p.Period }).IsUnique();
        e.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class ContributionLineConfiguration : IEntityTypeConfiguration<ContributionLine>
{
    public void Configure(EntityTypeBuilder<ContributionLine> e)
    {
        // No surrogate key, and the computation before the employment: a recomputation's lines sort after the ones it
        // deletes, so 100,000 keys are appended to the index instead of being squeezed between the deleted ones.
        e.HasKey(l => new { l.PeriodId, l.Computation, l.EmploymentId });
        e.HasOne(l => l.ContributionPeriod).WithMany(p => p.Lines).HasForeignKey(l => l.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(l => l.Employment).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(l => l.EmploymentId);
    }
}

internal sealed class BillConfiguration : IEntityTypeConfiguration<Bill>
{
    public void Configure(EntityTypeBuilder<Bill> e)
    {
        e.Property(b => b.KodeIuran).HasMaxLength(11).IsFixedLength();
        e.Property(b => b.Channel).HasMaxLength(32);
        e.HasOne(b => b.ContributionPeriod).WithMany().HasForeignKey(b => b.PeriodId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(b => b.KodeIuran).IsUnique();
        // At most one live (not voided) bill per period: finalising twice at once cannot issue two bills.
        e.HasIndex(b => b.PeriodId).IsUnique().HasFilter($"\"Status\" <> {(int)BillStatus.Dibatalkan}")
            .HasDatabaseName("IX_Bills_PeriodId_Live");
        e.HasIndex(b => new { b.Status, b.DueDate });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> e)
    {
        e.Property(p => p.Reference).HasMaxLength(64);
        e.Property(p => p.Channel).HasMaxLength(32);
        e.Property(p => p.ReceiptCode).HasMaxLength(32);
        e.HasOne(p => p.Bill).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => p.Reference).IsUnique();
        e.HasIndex(p => p.ReceiptCode).IsUnique();
        e.HasIndex(p => p.BillId).IsUnique(); // a bill is paid once
    }
}

internal sealed class FineConfiguration : IEntityTypeConfiguration<Fine>
{
    public void Configure(EntityTypeBuilder<Fine> e)
    {
        e.HasOne(f => f.SourcePeriod).WithMany().HasForeignKey(f => f.SourcePeriodId).OnDelete(DeleteBehavior.Restrict);
        // A still-unpaid period's fine is charged as it grows: several rows per period, each a further part of it.
        e.HasIndex(f => f.SourcePeriodId);
        e.HasIndex(f => new { f.DivisionId, f.ChargedOnBillId });
        e.HasOne<LateCharge>().WithMany().HasForeignKey(f => f.LateChargeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LateChargeConfiguration : IEntityTypeConfiguration<LateCharge>
{
    public void Configure(EntityTypeBuilder<LateCharge> e)
    {
        e.HasOne(c => c.Employment).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.MonthPeriod).WithMany().HasForeignKey(c => c.MonthPeriodId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Bill>().WithMany().HasForeignKey(c => c.ChargedOnBillId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(c => c.Amounts);
        e.HasIndex(c => new { c.DivisionId, c.ChargedOnBillId });
        e.HasIndex(c => new { c.EmploymentId, c.Month });
        e.HasIndex(c => c.MonthPeriodId);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.HasOne(m => m.User).WithMany(u => u.Memberships).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(m => m.Division).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.UserId, m.DivisionId }).IsUnique();
        e.HasIndex(m => new { m.DivisionId, m.Role });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.FullName).HasMaxLength(100);
        e.Property(u => u.Language).HasMaxLength(2).HasDefaultValue("id");
        e.HasIndex(u => u.ParticipantId);
    }
}

internal sealed class AuditArchiveConfiguration : IEntityTypeConfiguration<AuditArchive>
{
    public void Configure(EntityTypeBuilder<AuditArchive> e)
    {
        e.Property(a => a.Month).HasMaxLength(7).IsFixedLength();
        e.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        e.HasIndex(a => new { a.Month, a.Part }).IsUnique();
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.EntityType).HasMaxLength(64);
        e.Property(a => a.EntityId).HasMaxLength(64);
        e.Property(a => a.IpAddress).HasMaxLength(45);
        e.Property(a => a.ActorName).HasMaxLength(256);
        e.Property(a => a.Before).HasMaxLength(16_000);
        e.Property(a => a.After).HasMaxLength(16_000);
        e.HasIndex(a => new { a.DivisionId, a.OccurredAt });
        e.HasIndex(a => new { a.EntityType, a.EntityId });
        e.HasIndex(a => new { a.ActorUserId, a.OccurredAt });
        e.HasIndex(a => a.OccurredAt); // the nightly archive finds the oldest month
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.Body).HasMaxLength(16_000);
        e.Property(m => m.LastError).HasMaxLength(2_000);
        e.HasIndex(m => new { m.SentAt, m.Priority, m.Id });
        e.HasIndex(m => m.CreatedAt);
        e.HasIndex(m => m.WebhookSubscriptionId); // a subscription's delivery log
        e.HasOne<Api.WebhookSubscription>().WithMany().HasForeignKey(m => m.WebhookSubscriptionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RuleEntryConfiguration : IEntityTypeConfiguration<RuleEntry>
{
    public void Configure(EntityTypeBuilder<RuleEntry> e)
    {
        e.Property(r => r.Key).HasMaxLength(64);
        e.Property(r => r.Value).HasPrecision(18, 6);
        e.Property(r => r.Note).HasMaxLength(500);
        e.Property(r => r.Source).HasMaxLength(64);
        e.HasIndex(r => new { r.Key, r.EffectiveFrom }).IsUnique();
    }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> e)
    {
        e.Property(c => c.CodeHash).HasMaxLength(200);
        e.Property(c => c.DestinationHash).HasMaxLength(64);
        e.Property(c => c.RequestIp).HasMaxLength(45);
        e.HasIndex(c => new { c.ChallengeId, c.Sequence }).IsUnique();
        e.HasIndex(c => new { c.DestinationHash, c.CreatedAt });
        e.HasIndex(c => new { c.RequestIp, c.CreatedAt });
        e.HasIndex(c => new { c.SubjectId, c.Purpose, c.CreatedAt });
    }
}

internal sealed class HealthProbeConfiguration : IEntityTypeConfiguration<Operations.HealthProbe>
{
    public void Configure(EntityTypeBuilder<Operations.HealthProbe> e)
    {
        e.HasKey(p => p.Node);
        e.Property(p => p.Node).HasMaxLength(200);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> e)
    {
        e.HasIndex(s => new { s.UserId, s.CreatedAt });
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> e)
    {
        e.Property(t => t.Purpose).HasMaxLength(64);
        e.Property(t => t.TokenHash).HasMaxLength(64).IsFixedLength();
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => new { t.UserId, t.Purpose });
    }
}

internal sealed class PendingRegistrationConfiguration : IEntityTypeConfiguration<PendingRegistration>
{
    public void Configure(EntityTypeBuilder<PendingRegistration> e)
    {
        e.Property(r => r.Email).HasMaxLength(254);
        e.Property(r => r.PasswordHash).HasMaxLength(500);
        e.Property(r => r.Phone).HasMaxLength(16);
        e.HasIndex(r => r.ExpiresAt);
    }
}

internal sealed class UploadBatchConfiguration : IEntityTypeConfiguration<Uploads.UploadBatch>
{
    public void Configure(EntityTypeBuilder<Uploads.UploadBatch> e)
    {
        e.Property(b => b.FileName).HasMaxLength(255);
        e.Property(b => b.Sheet).HasMaxLength(31); // Excel's own limit; a longer name is refused as a damaged file (UploadReception)
        e.Property(b => b.Refusal).HasMaxLength(2_000);
        e.HasIndex(b => new { b.DivisionId, b.UploadedAt });
        e.HasIndex(b => b.State);
        e.HasMany(b => b.Errors).WithOne(r => r.Batch).HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnknownEmailLockoutConfiguration : IEntityTypeConfiguration<UnknownEmailLockout>
{
    public void Configure(EntityTypeBuilder<UnknownEmailLockout> e) => e.HasKey(l => l.NormalizedEmail);
}

internal sealed class UploadContentConfiguration : IEntityTypeConfiguration<Uploads.UploadContent>
{
    public void Configure(EntityTypeBuilder<Uploads.UploadContent> e)
    {
        e.HasKey(c => c.BatchId);
        e.HasOne(c => c.Batch).WithOne().HasForeignKey<Uploads.UploadContent>(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Data Protection's key ring, shared by every node (issue 15); a key's XML is longer than the 256 of the convention.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> e)
    {
        e.Property(k => k.Xml).HasColumnType("text");
        e.Property(k => k.FriendlyName).HasColumnType("text");
    }
}

internal sealed class UploadRowErrorConfiguration : IEntityTypeConfiguration<Uploads.UploadRowError>
{
    public void Configure(EntityTypeBuilder<Uploads.UploadRowError> e)
    {
        e.Property(r => r.Messages).HasMaxLength(4_000);
        e.Property(r => r.Worker).HasMaxLength(40);
        e.HasIndex(r => new { r.BatchId, r.RowNumber }).IsUnique();
    }
}

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<Api.ApiClient>
{
    public void Configure(EntityTypeBuilder<Api.ApiClient> e)
    {
        e.HasIndex(c => c.ClientId).IsUnique();
        e.Property(c => c.ClientId).HasMaxLength(64);
        e.Property(c => c.Name).HasMaxLength(100);
        e.Property(c => c.Scopes).HasMaxLength(200);
        e.Property(c => c.CreatedByName).HasMaxLength(200);
        e.HasIndex(c => c.CompanyId);
        e.HasOne<Companies.Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Divisions).WithOne(d => d.ApiClient).HasForeignKey(d => d.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiClientDivisionConfiguration : IEntityTypeConfiguration<Api.ApiClientDivision>
{
    public void Configure(EntityTypeBuilder<Api.ApiClientDivision> e)
    {
        e.HasKey(d => new { d.ApiClientId, d.DivisionId });
        e.HasIndex(d => d.DivisionId);
        e.HasOne<Companies.Division>().WithMany().HasForeignKey(d => d.DivisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<Api.WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<Api.WebhookSubscription> e)
    {
        e.Property(s => s.Url).HasMaxLength(500);
        e.Property(s => s.Events).HasMaxLength(300);
        e.Property(s => s.ProtectedSecret).HasMaxLength(1_000);
        e.HasOne(s => s.ApiClient).WithMany().HasForeignKey(s => s.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiIdempotencyConfiguration : IEntityTypeConfiguration<Api.ApiIdempotency>
{
    public void Configure(EntityTypeBuilder<Api.ApiIdempotency> e)
    {
        e.HasIndex(i => new { i.ApiClientId, i.Key }).IsUnique();
        e.HasIndex(i => i.CreatedAt);
        e.Property(i => i.Key).HasMaxLength(100);
        e.Property(i => i.RequestHash).HasMaxLength(64);
        e.Property(i => i.ContentType).HasMaxLength(100);
        e.HasOne<Api.ApiClient>().WithMany().HasForeignKey(i => i.ApiClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BureauConfiguration : IEntityTypeConfiguration<Bureaus.Bureau>
{
    public void Configure(EntityTypeBuilder<Bureaus.Bureau> e)
    {
        e.Property(b => b.Name).HasMaxLength(100);
        e.Property(b => b.Code).HasMaxLength(16);
        e.HasIndex(b => b.Code).IsUnique();
        e.HasIndex(b => b.CompanyId).IsUnique(); // one bureau per registered company
        e.HasOne(b => b.Company).WithMany().HasForeignKey(b => b.CompanyId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(b => b.Staff).WithOne(s => s.Bureau).HasForeignKey(s => s.BureauId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BureauStaffConfiguration : IEntityTypeConfiguration<Bureaus.BureauStaff>
{
    public void Configure(EntityTypeBuilder<Bureaus.BureauStaff> e)
    {
        e.HasIndex(s => new { s.BureauId, s.UserId }).IsUnique();
        e.HasIndex(s => s.UserId);
        e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BureauGrantConfiguration : IEntityTypeConfiguration<Bureaus.BureauGrant>
{
    public void Configure(EntityTypeBuilder<Bureaus.BureauGrant> e)
    {
        e.Property(g => g.GrantedByName).HasMaxLength(200);
        e.HasOne(g => g.Bureau).WithMany().HasForeignKey(g => g.BureauId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(g => g.Division).WithMany().HasForeignKey(g => g.DivisionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(g => new { g.BureauId, g.Status });
        // One grant waiting or active per bureau and division: a new grant replaces an ended one, never doubles it.
        e.HasIndex(g => new { g.DivisionId, g.BureauId }).IsUnique()
            .HasFilter($"\"Status\" IN ({(int)Bureaus.BureauGrantStatus.Menunggu}, {(int)Bureaus.BureauGrantStatus.Aktif})")
            .HasDatabaseName("IX_BureauGrants_Live");
    }
}

internal sealed class FinalizationRequestConfiguration : IEntityTypeConfiguration<FinalizationRequest>
{
    public void Configure(EntityTypeBuilder<FinalizationRequest> e)
    {
        e.Property(r => r.Channel).HasMaxLength(32);
        e.Property(r => r.RequestedByName).HasMaxLength(200);
        e.Property(r => r.DecidedByName).HasMaxLength(200);
        e.Property(r => r.Reason).HasMaxLength(500);
        e.HasOne(r => r.ContributionPeriod).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Companies.Division>().WithMany().HasForeignKey(r => r.DivisionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.DivisionId, r.Status });
        // One request waits per period: a second Finalisasi while one waits is refused by the database, not by luck.
        e.HasIndex(r => r.PeriodId).IsUnique().HasFilter($"\"Status\" = {(int)FinalizationRequestStatus.Menunggu}")
            .HasDatabaseName("IX_FinalizationRequests_Waiting");
    }
}
