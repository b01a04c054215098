using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Workers;
using Sipp.Domain.People;
using Sipp.Domain.Periods;
using Sipp.Domain.Workers;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Payments;
using Sipp.Web.Features.Payments.NotifyPayment;

using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// Part of the development seed: last month of PT Maju Bersama's head office, paid — one worker joined and one left
/// in it, and it was computed, finalised and paid through the same services (and the same signed bank notification) a
/// user and a bank would use, so that every report and a genuine receipt can be opened on first start. Does nothing
/// once the division has any period.
/// </summary>
public sealed class PaidMonthSeed(
    SippDbContext db, PeriodComputation computation, BillIssuing billing, PaymentNotification notification, IOptions<PaymentOptions> payments,
    TimeProvider clock, ILogger<PaidMonthSeed> logger)
{
    public const string JoinerKpj = "90000000301";

    /// <summary>The head-office worker who leaves in the paid month (neither Budi nor the company user).</summary>
    public const string LeaverKpj = "90000000100";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var head = await db.Divisions.SingleOrDefaultAsync(d => d.Company.Npp == "10000001" && d.Code == "000", cancellationToken);
        if (head is null)
        {
            return;
        }

        // The demo company's head office acts for itself, as its HR user would.
        db.ScopeTo(head.Id);
        if (await db.ContributionPeriods.AnyAsync(cancellationToken))
        {
            return;
        }

        if (payments.Value.Channels.FirstOrDefault(c => !string.IsNullOrEmpty(c.Secret)) is not { } channel)
        {
            logger.LogWarning("No payment channel has a secret; the seed's paid month is left out");
            return;
        }

        var today = clock.JakartaToday();
        var month = Period.Containing(today).AddMonths(-1);
        await JoinAndLeaveAsync(head.Id, month, cancellationToken);
        Check(await computation.ComputeAsync(head.Id, month, cancellationToken));
        Check(await billing.FinalizeAsync(head.Id, month, channel.Code, cancellationToken));

        var bill = await db.Bills.AsNoTracking().SingleAsync(b => b.ContributionPeriod.Period == month, cancellationToken);
        // The demo month was finalised at the start of this month (09:00 WIB on the 1st), so that it can be paid in time.
        var issuedAt = month.AddMonths(1).FirstDay.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        if (issuedAt < bill.IssuedAt)
        {
            await db.Bills.Where(b => b.Id == bill.Id).ExecuteUpdateAsync(b => b.SetProperty(x => x.IssuedAt, issuedAt), cancellationToken);
            db.ChangeTracker.Clear(); // the bill issued above is still tracked with its old time
        }

        var paidOn = bill.DueDate.AddDays(-5) is var early && early < today ? early : today; // paid in time
        var body = JsonSerializer.SerializeToUtf8Bytes(new PaymentNotice(bill.KodeIuran, bill.TotalAmount, paidOn, "SEED-" + bill.KodeIuran));
        var signature = Convert.ToHexStringLower(PaymentNotification.Signature(channel.Secret!, body));
        if ((await notification.HandleAsync(body, signature, cancellationToken)).Refusal is { } refused)
        {
            throw new InvalidOperationException($"Seed gagal membayar {month}: {refused.Title}. {refused.Message}");
        }

        logger.LogInformation("Seed: period {Period} of 10000001/000 paid with Kode Iuran {Kode}", month, bill.KodeIuran);
    }

    private async Task JoinAndLeaveAsync(Guid divisionId, Period month, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaver = await db.Employments.SingleOrDefaultAsync(
            e => e.Participant.Kpj == LeaverKpj && e.Status == EmploymentStatus.Aktif, cancellationToken);
        if (leaver is not null && leaver.MembershipStartDate < month.FirstDay)
        {
            leaver.Status = EmploymentStatus.NonAktif;
            leaver.EndDate = month.FirstDay.AddDays(19);
            leaver.EndReason = EndReason.MengundurkanDiri;
        }

        var birthDate = new DateOnly(1998, 8, 12);
        var nik = SeedPeople.NikFor(SeedPeople.Regions[0].NikPrefix, birthDate, Sex.Female, 300);
        if (!await db.Participants.AnyAsync(p => p.Kpj == JoinerKpj || p.Nik == nik, cancellationToken))
        {
            AddJoiner(divisionId, month, birthDate, nik, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private void AddJoiner(Guid divisionId, Period month, DateOnly birthDate, string nik, DateTime now)
    {
        const string name = "Rina Kartika Sari";
        var joiner = new Participant
        {
            Id = Guid.CreateVersion7(), Kpj = JoinerKpj, Nik = nik, FullName = name, NameNormalized = name.ToUpperInvariant(),
            BirthDate = birthDate, Sex = Sex.Female, Citizenship = Citizenship.Wni, CreatedAt = now,
        };
        var start = month.FirstDay.AddDays(4);
        var employment = new Employment
        {
            Id = Guid.CreateVersion7(), ParticipantId = joiner.Id, DivisionId = divisionId, Status = EmploymentStatus.Aktif,
            EmploymentType = EmploymentType.Pkwt, WorkStartDate = start, ContractEndDate = start.AddYears(1).AddDays(-1),
            MembershipStartDate = start, RegisteredOn = start, CreatedAt = now, VerifiedAt = now,
            BirthPlace = "Bogor", MotherMaidenName = "Suparmi", MaritalStatus = MaritalStatus.BelumKawin,
            Address = "Jl. Tebet Barat Dalam No. 7, Jakarta Selatan", PostalCode = "12810", Phone = "+6281311223344",
        };
        employment.WageHistory.Add(new WageChange { EffectiveFrom = month, Upah = 5_850_000, CreatedAt = now });
        db.Participants.Add(joiner);
        db.Employments.Add(employment);
    }

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException("Seed gagal: " + refusal.Message);
        }
    }
}
