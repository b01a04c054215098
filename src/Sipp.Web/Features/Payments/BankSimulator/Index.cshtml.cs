using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Contributions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sipp.Web.Infrastructure;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Payments.BankSimulator;

/// <summary>
/// "Simulator Bank" (Development only): pays a bill of the signed-in company the way a bank would, by calling this
/// server's own payment notification endpoint over HTTP with the channel's signature. The address is the server's, never
/// the request's Host header, so a signed notice cannot be sent elsewhere.
/// </summary>
[AllowAnonymous] // 404 outside Development before anything else; inside, a signed-in user is required (below)
public sealed class IndexModel(
    SippDbContext db, CurrentCompany currentCompany, IOptions<PaymentOptions> payments, IHttpClientFactory httpClients, IServer server, IHostEnvironment environment,
    TimeProvider clock) : PageModel
{
    public const string HttpClientName = "SimulatorBank";

    [BindProperty(SupportsGet = true)]
    public string? KodeIuran { get; set; }

    [BindProperty]
    public string? TanggalBayar { get; set; }

    public Bill? Bill { get; private set; }

    public string? Answer { get; private set; }

    public int? AnswerStatus { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        TanggalBayar = clock.JakartaToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Bill = await FindAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        Bill = await FindAsync(cancellationToken);
        if (Bill is null || payments.Value.Find(Bill.Channel) is not { Secret: { Length: > 0 } secret })
        {
            ModelState.AddModelError(nameof(KodeIuran), "Kode Iuran tidak ditemukan, atau channel-nya tidak punya secret di konfigurasi.");
            return Page();
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            kodeIuran = Bill.KodeIuran, jumlah = Bill.TotalAmount, // The bank's notice carries an ISO date; the form takes it as people type it.
            tanggalBayar = Sipp.Domain.Periods.TypedDate.TryParse(TanggalBayar, out var paidOn) ? paidOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : TanggalBayar,
            referensi = "SIM-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)),
        });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add("X-Sipp-Signature", Convert.ToHexStringLower(NotifyPayment.PaymentNotification.Signature(secret, body)));
        var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.PostAsync(new Uri(OwnAddress(), "/api/v1/pembayaran/notifikasi"), content, cancellationToken);
        AnswerStatus = (int)response.StatusCode;
        Answer = await response.Content.ReadAsStringAsync(cancellationToken);
        Bill = await FindAsync(cancellationToken);
        return Page();
    }

    /// <summary>A bill of the signed-in company division only.</summary>
    private async Task<Bill?> FindAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(KodeIuran) || await currentCompany.GetAsync(cancellationToken) is not { } company)
        {
            return null;
        }

        return await db.Bills.AsNoTracking().Include(b => b.ContributionPeriod).ThenInclude(p => p.Division).ThenInclude(d => d.Company)
            .SingleOrDefaultAsync(b => b.KodeIuran == KodeIuran.Trim(), cancellationToken);
    }

    /// <summary>Where this server listens (a wildcard address reached on the loopback); the test server has none.</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
    }
}
