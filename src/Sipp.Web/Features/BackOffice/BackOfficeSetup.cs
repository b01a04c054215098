namespace Sipp.Web.Features.BackOffice;

public static class BackOfficeSetup
{
    /// <summary>The handlers of the officers' use cases.</summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddScoped<Companies.CompanyRegistry>();
        services.AddScoped<Participants.IdentityCorrection>();
        services.AddScoped<VerifyWorkers.WorkerVerification>();
        services.AddScoped<ContributionRules.RuleAmendment>();
        return services;
    }
}
