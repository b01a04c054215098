using Sipp.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>Requires one of the given roles in the current company division.</summary>
public sealed class CompanyRoleRequirement(params MembershipRole[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<MembershipRole> Roles { get; } = roles;
}

public sealed class CompanyRoleHandler(CurrentCompany currentCompany) : AuthorizationHandler<CompanyRoleRequirement>
{
    public static string NoCompanyChosen => Wording.Of("Belum memilih perusahaan.");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CompanyRoleRequirement requirement)
    {
        var company = await currentCompany.GetAsync();
        if (company is null)
        {
            context.Fail(new AuthorizationFailureReason(this, NoCompanyChosen));
        }
        else if (requirement.Roles.Contains(company.Role))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>A signed-in user without a chosen company is sent to "Pilih Perusahaan" instead of "access denied".</summary>
public sealed class ChooseCompanyFirstResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var noCompany = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == CompanyRoleHandler.NoCompanyChosen) == true;
        if (noCompany && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // An officer or administrator has no company to choose: their own work instead (issue 16: an officer opening
            // /tenaga-kerja was told the account had no company).
            context.Response.Redirect(StaffHome.Of(context.User)
                ?? "/pilih-perusahaan?ReturnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Where BPJS staff start: officers at the verification queue, administrators at the contribution rules.</summary>
public static class StaffHome
{
    public static string? Of(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Sipp.Data.Accounts.SystemRoles.Officer) ? "/backoffice/verifikasi"
        : user.IsInRole(Sipp.Data.Accounts.SystemRoles.Administrator) ? "/admin/aturan-iuran"
        : null;
}
