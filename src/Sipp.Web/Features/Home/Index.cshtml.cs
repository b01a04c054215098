using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Home;

/// <summary>"Beranda": the public landing page, or the signed-in user's start page.</summary>
[AllowAnonymous]
public sealed class IndexModel(CurrentCompany currentCompany) : PageModel
{
    public CompanyContext? Company { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Company = await currentCompany.GetAsync(cancellationToken);
}
