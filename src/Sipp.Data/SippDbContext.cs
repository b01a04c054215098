using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sipp.Data.Accounts;
using Sipp.Data.Audit;
using Sipp.Data.Companies;
using Sipp.Data.Contributions;
using Sipp.Data.Messaging;
using Sipp.Data.Rules;
using Sipp.Data.Workers;
using Sipp.Domain.Periods;

namespace Sipp.Data;

/// <summary>The one model of Sipp, on SQLite (embedded default) or PostgreSQL. Handlers use it directly.</summary>
public class SippDbContext(DbContextOptions<SippDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Division> Divisions => Set<Division>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Employment> Employments => Set<Employment>();

    public DbSet<WageChange> WageChanges => Set<WageChange>();

    public DbSet<ContributionPeriod> ContributionPeriods => Set<ContributionPeriod>();

    public DbSet<ContributionLine> ContributionLines => Set<ContributionLine>();

    public DbSet<Bill> Bills => Set<Bill>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Fine> Fines => Set<Fine>();

    public DbSet<LateCharge> LateCharges => Set<LateCharge>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<UnknownEmailLockout> UnknownEmailLockouts => Set<UnknownEmailLockout>();

    public DbSet<Operations.HealthProbe> HealthProbes => Set<Operations.HealthProbe>();

    public DbSet<PendingRegistration> PendingRegistrations => Set<PendingRegistration>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditArchive> AuditArchives => Set<AuditArchive>();

    public DbSet<Uploads.UploadBatch> UploadBatches => Set<Uploads.UploadBatch>();

    public DbSet<Uploads.UploadRowError> UploadRowErrors => Set<Uploads.UploadRowError>();

    public DbSet<Uploads.UploadContent> UploadContents => Set<Uploads.UploadContent>();

    /// <summary>Data Protection's key ring (cookies, antiforgery tokens, reset links), one for every node.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<RuleEntry> RuleEntries => Set<RuleEntry>();

    public DbSet<Api.ApiClient> ApiClients => Set<Api.ApiClient>();

    public DbSet<Api.ApiClientDivision> ApiClientDivisions => Set<Api.ApiClientDivision>();

    public DbSet<Api.ApiIdempotency> ApiIdempotencies => Set<Api.ApiIdempotency>();

    public DbSet<Api.WebhookSubscription> WebhookSubscriptions => Set<Api.WebhookSubscription>();

    public DbSet<Bureaus.Bureau> Bureaus => Set<Bureaus.Bureau>();

    public DbSet<Bureaus.BureauStaff> BureauStaff => Set<Bureaus.BureauStaff>();

    public DbSet<Bureaus.BureauGrant> BureauGrants => Set<Bureaus.BureauGrant>();

    public DbSet<FinalizationRequest> FinalizationRequests => Set<FinalizationRequest>();

    private Guid? _division;

    /// <summary>The division this context reads (<see cref="DivisionScope"/>); refused when no caller has scoped it.</summary>
    public Guid ScopedDivisionId => _division ?? throw new DivisionScopeMissingException();

    public bool IsScoped => _division is not null;

    /// <summary>Always, in the product; a test's observer of the whole database turns it off by deriving a context of its own.</summary>
    protected virtual bool ScopesDivisions => true;

    /// <summary>
    /// Scopes every query over division data to <paramref name="divisionId"/>; called once its caller's authority over the
    /// division is checked. A context serves one division: scoping it to another is a bug and throws.
    /// </summary>
    public void ScopeTo(Guid divisionId)
    {
        if (_division is { } current && current != divisionId)
        {
            throw new InvalidOperationException("Konteks data ini sudah untuk divisi lain.");
        }

        _division = divisionId;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves, keeping the worker-list copies in step within the same transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await WorkerListCopies.FillNewAsync(this, cancellationToken);
        var (participants, employments) = WorkerListCopies.Changes(this);
        if (participants.Count == 0 && employments.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await WorkerListCopies.RefreshAsync(this, participants, employments, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC, whatever the provider hands back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Period>().HaveConversion<PeriodConverter>().HaveMaxLength(7).AreFixedLength();
        configurationBuilder.Properties<string>().HaveMaxLength(256);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>(); // the OAuth clients' applications (hashed secrets, permitted scopes) in the same database
        builder.ApplyConfigurationsFromAssembly(typeof(SippDbContext).Assembly);
        // OpenIddict keeps JSON (permissions, properties) in text columns: not bounded by Sipp's 256-character default.
        foreach (var property in builder.Model.GetEntityTypes().Where(t => t.ClrType.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string) && !p.IsKey() && !p.IsForeignKey() && !p.IsIndex()))
        {
            property.SetMaxLength(null);
        }
        if (Database.IsNpgsql())
        {
            // A search for part of a name ("budi") cannot use a b-tree; a trigram index answers it from the few matching
            // rows instead of reading every worker of the division (issue 15: 100 ms per search at 100,000 workers).
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Employment>().HasIndex(e => e.SortName, "IX_Employments_SortName_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        }

        if (ScopesDivisions)
        {
            DivisionScope.Apply(builder, this);
        }
    }
}
