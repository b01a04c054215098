using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sipp.Data.Accounts;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Browser.Tests.Bureaus;

/// <summary>
/// Issue 19's journey: a payroll bureau's staff member, with his own account, computes two clients' month at once from
/// Portofolio Klien (with progress), opens each client and asks for Finalisasi; each client requires approval, and each
/// client's own approver approves in Persetujuan; the portfolio then shows both bills.
/// </summary>
public class BureauMonthJourneyTests(BureauMonthJourneyTests.Fixture fixture) : IClassFixture<BureauMonthJourneyTests.Fixture>
{
    private static readonly (string Npp, string Company, string Approver)[] Clients =
    [
        ("10000001", "PT Maju Bersama", "penyetuju@majubersama.co.id"),
        ("10000002", "CV Sinar Abadi", "penyetuju@sinarabadi.co.id"),
    ];

    [Fact]
    public async Task ABureauUser_TakesTwoClientsThroughTheMonth_EachApprovedByTheClientsApprover()
    {
        var staff = await fixture.Factory.BureauWithGrantAsync("Gaji Prima", "Dodi Santoso", Clients[0].Npp, "000", MembershipRole.Operator);
        await fixture.Factory.BureauWithGrantAsync("Gaji Prima", "Dodi Santoso", Clients[1].Npp, "000", MembershipRole.Operator);
        foreach (var (npp, _, approver) in Clients)
        {
            await ApproverAsync(npp, approver);
        }

        // Dodi signs in with his own account and opens his portfolio: both clients, not yet computed this month.
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, staff, AccessSteps.Password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Biro", Exact = true }).ClickAsync();
        var rows = page.Locator("#portofolio tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Link, new() { Name = "Belum Dihitung" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        // Both chosen, "Hitung Iuran divisi terpilih": the page computes them one by one and shows the progress.
        foreach (var (_, company, _) in Clients)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Pilih {company} divisi 000" }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Hitung Iuran divisi terpilih" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hasil-per-divisi li[data-selesai=ya]")).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        Assert.Equal(2, await page.Locator("#kemajuan").EvaluateAsync<double>("bar => bar.value"));
        await Assertions.Expect(page.Locator("#kemajuan-label")).ToContainTextAsync("2 / 2");

        // Into each client in one click, and Finalisasi: a request, as the client requires approval.
        foreach (var (_, company, _) in Clients)
        {
            await page.GotoAsync("/biro/portofolio");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Buka {company} divisi 000" }).ClickAsync();
            await Assertions.Expect(page.Locator("#status-periode")).ToHaveTextAsync("Dihitung");
            await Assertions.Expect(page.Locator("#atas-nama")).ToContainTextAsync($"Biro Gaji Prima atas nama {company}");
            await Assertions.Expect(page.Locator("#perlu-persetujuan")).ToBeVisibleAsync();
            await page.GetByLabel("Channel Pembayaran").SelectOptionAsync(new SelectOptionValue { Label = "BRI Virtual Account (BRIVA)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Finalisasi" }).ClickAsync();
            await Assertions.Expect(page.Locator("#pesan")).ToContainTextAsync("Permintaan dikirim kepada penyetuju");
            await Assertions.Expect(page.Locator("#status-permintaan")).ToHaveTextAsync("Menunggu");
            await Assertions.Expect(page.Locator("#kode-iuran")).ToHaveCountAsync(0);
        }

        // Each client's own approver, in their own browser, sees who asked and approves: the bill is issued.
        foreach (var (_, company, approver) in Clients)
        {
            var approving = await fixture.NewPageAsync();
            await fixture.SignInAsync(approving, approver, AccessSteps.Password);
            var menu = approving.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" });
            await menu.GetByRole(AriaRole.Button, new() { Name = "Iuran", Exact = true }).ClickAsync();
            await menu.GetByRole(AriaRole.Link, new() { Name = "Persetujuan" }).ClickAsync();
            var request = approving.Locator("section.permintaan");
            await Assertions.Expect(request).ToHaveCountAsync(1);
            await Assertions.Expect(request).ToContainTextAsync($"Dodi Santoso (Biro Gaji Prima) atas nama {company}");
            await request.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
            await Assertions.Expect(approving.Locator("#pesan-persetujuan")).ToContainTextAsync("Disetujui");
            await approving.Context.CloseAsync();
        }

        // Dodi's portfolio: both months finalised, each with its own bill, nothing left "belum dihitung".
        await page.GotoAsync("/biro/portofolio");
        foreach (var (_, company, _) in Clients)
        {
            await Assertions.Expect(rows.Filter(new() { HasText = company })).ToContainTextAsync("Menunggu Pembayaran");
        }

        await page.GotoAsync("/biro/portofolio?saring=belum-dihitung");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
    }

    /// <summary>A Penyetuju of the client's head office, and the client's requirement of approval.</summary>
    private async Task ApproverAsync(string npp, string email)
    {
        await fixture.Factory.MemberAsync(email, "Penyetuju " + npp, npp, "000", MembershipRole.Penyetuju);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        await db.Divisions.Where(d => d.Company.Npp == npp && d.Code == "000").ExecuteUpdateAsync(d => d.SetProperty(x => x.FinalizationNeedsApproval, true));
    }

    public sealed class Fixture : BrowserFixture;
}
