using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data;
using Sipp.Domain.Periods;
using Sipp.Web.Features.Reports;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Infrastructure.Documents;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Reports;

/// <summary>Every report of a paid period is built by the same queries on each database, and its CSV adds up to the stored lines.</summary>
public class ReportQueriesTests
{
    [Theory]
    [DatabaseData]
    public async Task EveryReport_IsBuilt_OnEachDatabase(DatabaseProvider provider)
    {
        await using var factory = await SippWebFactory.CreateAsync(
            nameof(EveryReport_IsBuilt_OnEachDatabase), provider, "Development", new Dictionary<string, string?> { ["Database:Seed"] = "true" });
        _ = factory.Server;
        var period = Period.Of(2026, 2);
        var bill = await factory.BillAsync("10000002", "000", period);
        await factory.PayAsync(bill, "2026-03-02");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObserverDbContext>();
        var company = await db.Divisions.Where(d => d.Company.Npp == "10000002" && d.Code == "000")
            .Select(d => new CompanyContext(Guid.Empty, d.Id, d.Code, d.Name, d.CompanyId, d.Company.Npp, d.Company.Name, Sipp.Data.Accounts.MembershipRole.Pemantau))
            .SingleAsync(TestContext.Current.CancellationToken);
        var total = await db.ContributionLines.Where(l => l.ContributionPeriod.DivisionId == company.DivisionId && l.ContributionPeriod.Period == period)
            .SumAsync(l => l.Total, TestContext.Current.CancellationToken);

        foreach (var report in ReportCatalog.All)
        {
            var (document, refusal) = await scope.ServiceProvider.ActingFor<PeriodReports>(company.DivisionId).BuildAsync(company, period, report, "https://sipp.test/cek-bukti/", TestContext.Current.CancellationToken);
            Assert.True(document is not null, refusal?.Message);
            using var csv = new MemoryStream();
            await CsvTableWriter.WriteAsync(document, csv, semicolon: false, TestContext.Current.CancellationToken);
            var rows = ReportFiles.Csv(csv.ToArray());
            Assert.Equal(document.Columns.Select(c => c.Title), rows[0]);
            if (report.Kind == ReportKind.RincianIuran)
            {
                Assert.Equal(total, ReportFiles.Number(rows[^1][^1]));
            }
        }
    }
}
