using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sipp.Data.Accounts;
using Sipp.Data.Audit;
using Sipp.Data.Contributions;
using Sipp.Data.Uploads;
using Sipp.Data.Workers;

namespace Sipp.Data;

/// <summary>
/// The one tenant scope (ADR 0015): every entity that belongs to a company division, directly or through its parent,
/// carries the query filter <see cref="Filter"/>, which keeps a query to the division the context was scoped to by
/// whoever established the caller's authority (<c>CurrentCompany</c> for a signed-in user). A context that was never
/// scoped refuses such a query instead of answering it; reading across divisions is the explicit
/// <see cref="CrossDivision.AcrossDivisions{T}"/>.
/// </summary>
public static class DivisionScope
{
    public const string Filter = "Divisi";

    internal static void Apply(ModelBuilder builder, SippDbContext context)
    {
        // Rows that name their division.
        Scope<Employment>(builder, e => e.DivisionId == context.ScopedDivisionId);
        Scope<ContributionPeriod>(builder, p => p.DivisionId == context.ScopedDivisionId);
        Scope<Fine>(builder, f => f.DivisionId == context.ScopedDivisionId);
        Scope<LateCharge>(builder, c => c.DivisionId == context.ScopedDivisionId);
        Scope<UploadBatch>(builder, b => b.DivisionId == context.ScopedDivisionId);
        Scope<Membership>(builder, m => m.DivisionId == context.ScopedDivisionId);
        Scope<PendingRegistration>(builder, r => r.DivisionId == context.ScopedDivisionId);
        Scope<AuditEvent>(builder, a => a.DivisionId == context.ScopedDivisionId);
        Scope<Api.ApiClientDivision>(builder, d => d.DivisionId == context.ScopedDivisionId);
        Scope<Bureaus.BureauGrant>(builder, g => g.DivisionId == context.ScopedDivisionId);
        Scope<FinalizationRequest>(builder, r => r.DivisionId == context.ScopedDivisionId);

        // Rows that belong to one through their parent.
        Scope<WageChange>(builder, w => w.Employment.DivisionId == context.ScopedDivisionId);
        Scope<ContributionLine>(builder, l => l.ContributionPeriod.DivisionId == context.ScopedDivisionId);
        Scope<Bill>(builder, b => b.ContributionPeriod.DivisionId == context.ScopedDivisionId);
        Scope<Payment>(builder, p => p.Bill.ContributionPeriod.DivisionId == context.ScopedDivisionId);
        Scope<UploadRowError>(builder, r => r.Batch.DivisionId == context.ScopedDivisionId);
        Scope<UploadContent>(builder, c => c.Batch.DivisionId == context.ScopedDivisionId);
    }

    private static void Scope<T>(ModelBuilder builder, Expression<Func<T, bool>> filter)
        where T : class => builder.Entity<T>().HasQueryFilter(Filter, filter);
}

/// <summary>Thrown when division data is read through a context that no caller scoped to a division.</summary>
public sealed class DivisionScopeMissingException()
    : InvalidOperationException("Data divisi dibaca tanpa divisi: panggil ScopeTo setelah hak akses diperiksa, atau AcrossDivisions.");

/// <summary>
/// The explicit way to read rows of every division, for the few readers that must (a user's own memberships, officers,
/// jobs over all companies, the shared registry). <c>DivisionScopeTests</c> lists who may call it.
/// </summary>
public static class CrossDivision
{
    public static IQueryable<T> AcrossDivisions<T>(this IQueryable<T> query)
        where T : class => query.IgnoreQueryFilters([DivisionScope.Filter]);
}
