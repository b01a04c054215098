namespace Sipp.Web.Features.Bureaus;

public static class BureausSetup
{
    public static IServiceCollection AddBureaus(this IServiceCollection services)
    {
        services.AddScoped<Access.ClientGrants>();
        services.AddScoped<Office.BureauOffice>();
        return services;
    }
}
