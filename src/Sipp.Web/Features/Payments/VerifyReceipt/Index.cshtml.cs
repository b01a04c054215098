using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Payments.VerifyReceipt;

/// <summary>
/// "Cek Bukti Pembayaran" (public, the receipt's QR code opens it): confirms that a receipt's verification code belongs to
/// a payment Sipp received, showing only the payment's facts — no company, worker or person.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.ReceiptCheckPolicy)]
public sealed class IndexModel(SippDbContext db, IOptions<PaymentOptions> payments) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Kode { get; set; }

    public ReceiptFacts? Receipt { get; private set; }

    public bool Checked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var code = new string((Kode ?? string.Empty).Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        if (code.Length == 0)
        {
            return;
        }

        Checked = true;
        Kode = code;
        var found = code.Length > 32 ? null : await db.Payments.AsNoTracking().AcrossDivisions().Where(p => p.ReceiptCode == code && p.Bill.Status == BillStatus.Lunas)
            .Select(p => new { p.Bill.KodeIuran, p.Bill.ContributionPeriod.Period, p.Amount, p.PaidOn, p.Channel })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Receipt = new ReceiptFacts(found.KodeIuran, found.Period, found.Amount, found.PaidOn, payments.Value.Find(found.Channel)?.Name ?? found.Channel);
    }

    public sealed record ReceiptFacts(string KodeIuran, Period Period, long Amount, DateOnly PaidOn, string Channel);
}
