using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Contributions.MonitorDivisions;

/// <summary>What "Hitung Iuran" did in one division of several: its stored total, or why it was not computed.</summary>
public sealed record DivisionComputed(string Code, string Name, bool Done, string Message);

/// <summary>
/// "Hitung Iuran" of one period for several divisions at once — a company's own (combined Monitoring Iuran) or a
/// bureau's clients (Portofolio Klien): each chosen division among the caller's rights (<see cref="DivisionAccess"/>)
/// is computed by the page's own handler in its own scope, company context and transaction, where that context's role
/// passes the Operator policy, so one refused or busy division leaves the others computed. Any other division, or one
/// the role may not compute, is named and left alone.
/// </summary>
public sealed class DivisionsComputation(IServiceScopeFactory scopes)
{
    public const int MaxDivisions = 200;

    public async Task<IReadOnlyList<DivisionComputed>> ComputeAsync(IReadOnlyList<DivisionRight> rights, Period period, IReadOnlyCollection<Guid> divisionIds, CancellationToken cancellationToken)
    {
        var wanted = divisionIds.Distinct().Take(MaxDivisions).ToList();
        var chosen = rights.Where(r => wanted.Contains(r.DivisionId)).ToDictionary(r => r.DivisionId);
        var results = new List<DivisionComputed>();
        foreach (var id in wanted)
        {
            if (chosen.GetValueOrDefault(id) is not { } right)
            {
                results.Add(new DivisionComputed("–", "–", false, Wording.Of("Anda tidak memiliki akses ke divisi ini.")));
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            // The division's own company context, checked like its page would: its role decides, and the audit names who acted for whom.
            var company = await scope.ServiceProvider.GetRequiredService<CurrentCompany>().ForDivisionAsync(id, cancellationToken);
            if (company is null || !company.CanOperate)
            {
                results.Add(new DivisionComputed(right.DivisionCode, right.DivisionName, false, company is null
                    ? Wording.Of("Anda tidak memiliki akses ke divisi ini.")
                    : Wording.Of("Peran Anda di divisi ini tidak boleh menghitung iuran.")));
                continue;
            }

            var divisionDb = scope.ServiceProvider.GetRequiredService<SippDbContext>();
            var refusal = await scope.ServiceProvider.GetRequiredService<PeriodComputation>().ComputeAsync(id, period, cancellationToken);
            var stored = refusal is null
                ? await divisionDb.ContributionPeriods.AsNoTracking().Where(p => p.Period == period).Select(p => new { p.WorkerCount, p.Total }).SingleAsync(cancellationToken)
                : null;
            results.Add(stored is null
                ? new DivisionComputed(right.DivisionCode, right.DivisionName, false, refusal!.Message)
                : new DivisionComputed(right.DivisionCode, right.DivisionName, true, Wording.Of($"{stored.WorkerCount:#,0} tenaga kerja, {new Sipp.Domain.Money.Rupiah(stored.Total)}.")));
        }

        return results.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }
}
