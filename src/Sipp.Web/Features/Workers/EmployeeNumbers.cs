using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Domain;
using Sipp.Domain.Identifiers;
using Sipp.Domain.Workers;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Workers;

/// <summary>
/// A Nomor Pegawai belongs to one current worker (waiting or active) of the division; a unique index holds the same
/// rule, so two requests at once cannot both take it.
/// </summary>
public static class EmployeeNumbers
{
    public static string TakenMessage => Wording.Of("Nomor Pegawai ini sudah dipakai tenaga kerja lain di divisi ini.");

    /// <summary>The refusal when <paramref name="number"/> is another current worker's of this division (the tenant scope decides which).</summary>
    public static async Task<Refusal?> CheckFreeAsync(SippDbContext db, EmployeeNumber? number, Guid? self, CancellationToken cancellationToken) =>
        number is { } n && await db.Employments.AnyAsync(
            e => e.EmployeeNumber == n.Value && e.Id != self && (e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.MenungguVerifikasi), cancellationToken)
            ? Refusal.Field(F.EmployeeNumber, TakenMessage, RefusalKind.Conflict)
            : null;

    /// <summary>Which of <paramref name="numbers"/> current workers of this division already have.</summary>
    public static async Task<HashSet<string>> TakenAsync(SippDbContext db, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        numbers.Count == 0
            ? []
            : (await db.Employments.Where(e => e.EmployeeNumber != null && EF.Parameter(numbers).Contains(e.EmployeeNumber)
                    && (e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.MenungguVerifikasi))
                .Select(e => e.EmployeeNumber!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
