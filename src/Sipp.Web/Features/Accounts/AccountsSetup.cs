using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Features.Accounts.Register;

namespace Sipp.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>The handlers of the account use cases: registration, activation, login, companies, passwords, users.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<OtpService>();
        services.AddScoped<RegistrationWizard>();
        services.AddScoped<RegistrationSteps>();
        services.AddScoped<RegistrationCompletion>();
        services.AddScoped<Activate.AccountActivation>();
        services.AddScoped<Login.LoginAttempt>();
        services.AddScoped<Logout.SessionEnd>();
        services.AddScoped<ChooseCompany.DivisionChoice>();
        services.AddScoped<AddCompany.CompanyJoining>();
        services.AddScoped<ForgotPassword.ResetLinkRequest>();
        services.AddScoped<ResetPassword.PasswordReset>();
        services.AddScoped<Users.MembershipAdministration>();
        return services;
    }
}
