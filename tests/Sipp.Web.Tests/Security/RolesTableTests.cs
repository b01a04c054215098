using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sipp.Data.Accounts;
using Sipp.Web.Infrastructure.Security;
using Sipp.Web.Tests.Infrastructure;

namespace Sipp.Web.Tests.Security;

/// <summary>
/// Issue 19, item 5: the Pengguna page's table of what each role may do is the policy the code enforces — every cell is
/// tried as that role on the capability's page, each capability's page is guarded by the policy the table names, and
/// every company policy on an endpoint is in the table.
/// </summary>
public class RolesTableTests(RolesTableTests.Fixture fixture) : IClassFixture<RolesTableTests.Fixture>
{
    [Theory]
    [InlineData(MembershipRole.Admin)]
    [InlineData(MembershipRole.Operator)]
    [InlineData(MembershipRole.Pemantau)]
    public async Task EveryCell_IsWhatTheRoleGets_OnTheCapabilitysPage(MembershipRole role)
    {
        var browser = fixture.Factory.NewBrowser();
        await fixture.SignInWithRoleAsync(browser, "10000001", "000", role);

        var wrong = new List<string>();
        foreach (var capability in CompanyRoles.Capabilities)
        {
            var expected = CompanyRoles.May(role, capability.Policy) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            var actual = await browser.StatusOfAsync(capability.Page);
            if (actual != expected)
            {
                wrong.Add($"{capability.Label} ({capability.Page}): {(int)actual}, the table says {(int)expected}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task ThePenggunaPage_ShowsTheTable_OfThePoliciesEveryEndpointUses()
    {
        var admin = fixture.Factory.NewBrowser();
        await fixture.SignInWithRoleAsync(admin, "10000001", "000", MembershipRole.Admin);
        var page = await HtmlPage.GetAsync(admin, "/pengguna");
        var rows = page.QuerySelectorAll("#tabel-peran tbody tr").ToList();
        Assert.Equal(CompanyRoles.Capabilities.Count, rows.Count);
        foreach (var (row, capability) in rows.Zip(CompanyRoles.Capabilities))
        {
            Assert.Equal(capability.Label, row.QuerySelector("th")!.TextContent.Trim());
            foreach (var role in Enum.GetValues<MembershipRole>())
            {
                Assert.Equal(CompanyRoles.May(role, capability.Policy) ? "Ya" : "Tidak", row.QuerySelector($"td[data-peran={role}]")!.TextContent.Trim());
            }
        }

        // Each capability's page is guarded by the policy its row names, and no company policy guards an endpoint the table omits.
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string? PolicyOf(RouteEndpoint endpoint) => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        foreach (var capability in CompanyRoles.Capabilities)
        {
            var guards = endpoints.Where(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == capability.Page).Select(PolicyOf).Distinct().ToList();
            Assert.True(guards.SequenceEqual([capability.Policy]), $"{capability.Page} is guarded by [{string.Join(", ", guards)}], the table says {capability.Policy}");
        }

        var companyPolicies = endpoints.Select(PolicyOf).Where(p => p is not null && CompanyRoles.ByPolicy.ContainsKey(p)).Distinct();
        Assert.Empty(companyPolicies.Except(CompanyRoles.Capabilities.Select(c => c.Policy)));
    }

    public sealed class Fixture : SeededWebFixture;
}
