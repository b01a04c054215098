using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Data.Contributions;
using Sipp.Data.Messaging;
using Sipp.Domain;
using Sipp.Domain.Money;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Contributions.RemindUnpaidBills;

/// <summary>
/// The daily work on unpaid bills: from the 5th of the month every unpaid bill due by the end of the month is reminded
/// to the company's Admins by email and SMS (once a day, all of a company's bills in one message per Admin), and a bill
/// past its due date is marked late and announced once. Each bill is claimed by a conditional update before its
/// messages are queued in the same transaction, so two nodes running the job at once never send twice.
/// </summary>
public sealed class UnpaidBillNotices(SippDbContext db, Outbox outbox, Api.Webhooks.WebhookEvents webhooks, AuditLog audit, TimeProvider clock)
{
    public const int FirstReminderDay = 5;

    /// <summary>
    /// The day's reminders, one per Admin and company: a company with bills in several divisions or months gets them in
    /// one email and one SMS per Admin, not one per bill (issue 15: 1.4 million messages a morning otherwise). Returns
    /// how many Admins were reminded.
    /// </summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        if (today.Day < FirstReminderDay)
        {
            return 0;
        }

        var endOfMonth = new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month));
        // A daily job over every company's bills.
        var due = await db.Bills.AsNoTracking().AcrossDivisions()
            .Where(b => b.Status == BillStatus.MenungguPembayaran && b.DueDate <= endOfMonth && (b.RemindedOn == null || b.RemindedOn < today))
            .Select(b => new { b.Id, b.ContributionPeriod.Division.CompanyId }).ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var company in due.GroupBy(b => b.CompanyId))
        {
            reminded += await RemindCompanyAsync(company.Select(b => b.Id).ToList(), today, cancellationToken);
        }

        return reminded;
    }

    /// <summary>Claims each of a company's due bills for today, then queues one reminder per Admin for the bills they administer.</summary>
    private async Task<int> RemindCompanyAsync(List<Guid> billIds, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = new List<Guid>();
        foreach (var billId in billIds)
        {
            if (await db.Bills.AcrossDivisions().Where(b => b.Id == billId && b.Status == BillStatus.MenungguPembayaran && (b.RemindedOn == null || b.RemindedOn < today))
                    .ExecuteUpdateAsync(b => b.SetProperty(x => x.RemindedOn, today), cancellationToken) == 1)
            {
                claimed.Add(billId);
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var bills = await db.Bills.AsNoTracking().AcrossDivisions().Where(b => claimed.Contains(b.Id))
            .OrderBy(b => b.DueDate).ThenBy(b => b.ContributionPeriod.Division.Code)
            .Select(b => new { b.Id, b.KodeIuran, b.TotalAmount, b.DueDate, b.ContributionPeriod.Period, b.ContributionPeriod.DivisionId, DivisionCode = b.ContributionPeriod.Division.Code, Company = b.ContributionPeriod.Division.Company.Name })
            .ToListAsync(cancellationToken);
        var divisions = bills.Select(b => b.DivisionId).Distinct().ToList();
        var admins = await db.Memberships.AsNoTracking().AcrossDivisions()
            .Where(m => divisions.Contains(m.DivisionId) && m.Role == MembershipRole.Admin && m.IsActive && m.User.IsActive)
            .Select(m => new { m.UserId, m.DivisionId, m.User.Email, m.User.PhoneNumber, m.User.Language }).ToListAsync(cancellationToken);
        foreach (var admin in admins.GroupBy(a => a.UserId))
        {
            var own = bills.Where(b => admin.Any(m => m.DivisionId == b.DivisionId)).ToList();
            var (subject, text, sms) = Wording.In(admin.First().Language, () =>
            {
                var lines = own.Select(b => Wording.Of($"- Divisi {b.DivisionCode}, periode {b.Period.ToDisplayString()}: {new Rupiah(b.TotalAmount)} (Kode Iuran {b.KodeIuran}), jatuh tempo {b.DueDate:d MMMM yyyy}"));
                return (
                    own.Count == 1 ? Wording.Of($"Pengingat pembayaran iuran {own[0].Period.ToDisplayString()}") : Wording.Of($"Pengingat pembayaran iuran: {own.Count} tagihan"),
                    Wording.Of($"Tagihan iuran BPJS Ketenagakerjaan {own[0].Company} yang belum dibayar:") + "\n" + string.Join("\n", lines) + "\n" + Wording.Of("Mohon dibayar sebelum jatuh tempo agar tidak dikenai denda."),
                    own.Count == 1
                        ? Wording.Of($"Tagihan iuran BPJS Ketenagakerjaan {own[0].Company} periode {own[0].Period.ToDisplayString()} sebesar {new Rupiah(own[0].TotalAmount)} (Kode Iuran {own[0].KodeIuran}) jatuh tempo {own[0].DueDate:d MMMM yyyy}. Mohon dibayar sebelum jatuh tempo.")
                        : Wording.Of($"{own.Count} tagihan iuran BPJS Ketenagakerjaan {own[0].Company} sebesar {new Rupiah(own.Sum(b => b.TotalAmount))} belum dibayar; jatuh tempo terdekat {own[0].DueDate:d MMMM yyyy}. Rinciannya di email dan di Monitoring Iuran."));
            });
            if (admin.First().Email is { } email)
            {
                outbox.Email(email, subject, text, MessagePriority.Bulk);
            }

            if (admin.First().PhoneNumber is { } phone)
            {
                outbox.Sms(phone, sms, MessagePriority.Bulk);
            }
        }

        foreach (var bill in bills)
        {
            audit.Record("iuran.pengingat", "Tagihan", bill.Id.ToString(), bill.DivisionId,
                after: new { kodeIuran = bill.KodeIuran, penerima = admins.Count(a => a.DivisionId == bill.DivisionId) });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return admins.Select(a => a.UserId).Distinct().Count();
    }

    public async Task<int> MarkLateAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var late = await db.Bills.AsNoTracking().AcrossDivisions()
            .Where(b => b.Status == BillStatus.MenungguPembayaran && b.DueDate < today && b.LateNoticeOn == null)
            .Select(b => b.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var billId in late)
        {
            sent += await NotifyOnceAsync(
                billId,
                bills => bills.Where(b => b.Id == billId && b.Status == BillStatus.MenungguPembayaran && b.LateNoticeOn == null)
                    .ExecuteUpdateAsync(b => b.SetProperty(x => x.LateNoticeOn, today), cancellationToken),
                bill => (Wording.Of($"Iuran {bill.Period.ToDisplayString()} terlambat"),
                    Wording.Of($"Tagihan iuran BPJS Ketenagakerjaan {bill.Company} periode {bill.Period.ToDisplayString()} sebesar {bill.Amount} (Kode Iuran {bill.Kode}) melewati jatuh tempo {bill.DueDate:d MMMM yyyy}. Denda keterlambatan dihitung per bulan sejak jatuh tempo dan ditagihkan pada tagihan berikutnya.")),
                "iuran.terlambat",
                Api.Webhooks.WebhookEvents.BillLate,
                cancellationToken);
        }

        return sent;
    }

    /// <summary>The date in Jakarta: the job runs at 07:00 WIB, which is still the previous day in UTC.</summary>
    private DateOnly Today => clock.JakartaToday();

    /// <summary>
    /// Claims the bill with <paramref name="claim"/>; when this call won, queues the messages to every active Admin and the
    /// webhook event to the API clients that subscribed to it.
    /// </summary>
    private async Task<int> NotifyOnceAsync(
        Guid billId, Func<IQueryable<Bill>, Task<int>> claim, Func<BillFacts, (string Subject, string Text)> message, string action, string webhookEvent,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await claim(db.Bills.AcrossDivisions()) != 1)
        {
            return 0;
        }

        var bill = await db.Bills.AsNoTracking().AcrossDivisions().Where(b => b.Id == billId)
            .Select(b => new { b.KodeIuran, b.TotalAmount, b.DueDate, b.ContributionPeriod.Period, b.ContributionPeriod.DivisionId, Company = b.ContributionPeriod.Division.Company.Name })
            .SingleAsync(cancellationToken);
        var facts = new BillFacts(bill.Company, bill.Period, new Rupiah(bill.TotalAmount), bill.KodeIuran, bill.DueDate);
        var admins = await db.Memberships.AsNoTracking().AcrossDivisions()
            .Where(m => m.DivisionId == bill.DivisionId && m.Role == MembershipRole.Admin && m.IsActive && m.User.IsActive)
            .Select(m => new { m.User.Email, m.User.PhoneNumber, m.User.Language }).ToListAsync(cancellationToken);
        foreach (var admin in admins)
        {
            var (subject, text) = Wording.In(admin.Language, () => message(facts));
            if (admin.Email is { } email)
            {
                outbox.Email(email, subject, text, MessagePriority.Bulk);
            }

            if (admin.PhoneNumber is { } phone)
            {
                outbox.Sms(phone, text, MessagePriority.Bulk);
            }
        }

        audit.Record(action, "Tagihan", billId.ToString(), bill.DivisionId, after: new { kodeIuran = bill.KodeIuran, penerima = admins.Count });
        var announced = await db.Bills.AsNoTracking().AcrossDivisions().Include(b => b.ContributionPeriod).SingleAsync(b => b.Id == billId, cancellationToken);
        await webhooks.BillAsync(webhookEvent, announced, announced.ContributionPeriod.Period, announced.ContributionPeriod.DivisionId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return admins.Count;
    }

    private sealed record BillFacts(string Company, Period Period, Rupiah Amount, string Kode, DateOnly DueDate);
}
