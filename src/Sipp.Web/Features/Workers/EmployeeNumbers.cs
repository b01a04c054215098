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

    /// <summary>
    /// The numbers an upload gives, chunk by chunk: each must be free in the division and given once in the file.
    /// <see cref="LoadAsync"/> before each chunk, then <see cref="Problem"/> per row in file order.
    /// </summary>
    public sealed class InFile(SippDbContext db)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private HashSet<string> _taken = [];

        public async Task LoadAsync(IEnumerable<EmployeeNumber?> numbers, CancellationToken cancellationToken) =>
            _taken = await TakenAsync(db, numbers.OfType<EmployeeNumber>().Select(n => n.Value).ToList(), cancellationToken);

        /// <summary>Why a row's number cannot be taken, or null (no number is no problem).</summary>
        public string? Problem(EmployeeNumber? number) =>
            number is not { } n ? null
            : _taken.Contains(n.Value) ? TakenMessage
            : !_seen.Add(n.Value) ? Wording.Of("Nomor Pegawai ini muncul lebih dari sekali di file ini.")
            : null;
    }

    /// <summary>Which of <paramref name="numbers"/> current workers of this division already have.</summary>
    public static async Task<HashSet<string>> TakenAsync(SippDbContext db, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        numbers.Count == 0
            ? []
            : (await db.Employments.Where(e => e.EmployeeNumber != null && EF.Parameter(numbers).Contains(e.EmployeeNumber)
                    && (e.Status == EmploymentStatus.Aktif || e.Status == EmploymentStatus.MenungguVerifikasi))
                .Select(e => e.EmployeeNumber!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
