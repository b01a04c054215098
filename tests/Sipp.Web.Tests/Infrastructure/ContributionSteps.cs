using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Data.Contributions;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>A month's steps through the same services the pages and the bank use: compute, finalise, pay.</summary>
public static class ContributionSteps
{
    /// <summary>The Development secret of the BNI_VA channel (appsettings.Development.json).</summary>
    public const string BniSecret = "rahasia-pengembangan-bni";

    public static async Task<Guid> DivisionAsync(this WebApplicationFactory<Program> factory, string npp, string division)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Divisions
            .Where(d => d.Company.Npp == npp && d.Code == division).Select(d => d.Id).SingleAsync();
    }

    /// <summary>A use case's handler acting for <paramref name="divisionId"/>, as after a user of it chose the company.</summary>
    public static T ActingFor<T>(this IServiceProvider services, Guid divisionId)
        where T : notnull
    {
        services.GetRequiredService<SippDbContext>().ScopeTo(divisionId);
        return services.GetRequiredService<T>();
    }

    public static async Task ComputeAsync(this WebApplicationFactory<Program> factory, Guid divisionId, Period period)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.ActingFor<PeriodComputation>(divisionId).ComputeAsync(divisionId, period, CancellationToken.None));
    }

    /// <summary>Computes (unless told not to) and finalises the period; returns its live bill.</summary>
    public static async Task<Bill> BillAsync(this WebApplicationFactory<Program> factory, string npp, string division, Period period, string channel = "BNI_VA", bool compute = true)
    {
        var divisionId = await factory.DivisionAsync(npp, division);
        if (compute)
        {
            await factory.ComputeAsync(divisionId, period);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.ActingFor<BillIssuing>(divisionId).FinalizeAsync(divisionId, period, channel, CancellationToken.None));
        var bills = scope.ServiceProvider.GetRequiredService<ObserverDbContext>().Bills
            .Where(b => b.ContributionPeriod.DivisionId == divisionId && b.ContributionPeriod.Period == period && b.Status != BillStatus.Dibatalkan);
        // A past period's bill was issued when its month ended, not when the test runs: payments dated since then are accepted.
        var issuedAt = period.AddMonths(1).FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await bills.Where(b => b.IssuedAt > issuedAt).ExecuteUpdateAsync(b => b.SetProperty(x => x.IssuedAt, issuedAt));
        return await bills.AsNoTracking().SingleAsync();
    }

    public static byte[] Notice(string kodeIuran, long amount, string paidOn, string reference) =>
        JsonSerializer.SerializeToUtf8Bytes(new { kodeIuran, jumlah = amount, tanggalBayar = paidOn, referensi = reference });

    public static string Sign(byte[] body, string secret) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Posts a notification signed with <paramref name="secret"/>, as the bank does.</summary>
    public static async Task<HttpResponseMessage> NotifyAsync(this SippWebFactory factory, byte[] body, string secret = BniSecret)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add("X-Sipp-Signature", Sign(body, secret));
        return await factory.CreateClient().PostAsync("/api/v1/pembayaran/notifikasi", content);
    }

    /// <summary>Pays the whole bill on <paramref name="paidOn"/> and expects it accepted.</summary>
    public static async Task PayAsync(this SippWebFactory factory, Bill bill, string paidOn)
    {
        using var response = await factory.NotifyAsync(Notice(bill.KodeIuran, bill.TotalAmount, paidOn, "BAYAR-" + bill.KodeIuran));
        response.EnsureSuccessStatusCode();
    }
}
