using Sipp.Web.Features.Calculator.SimulateContribution;
using Sipp.Web.Features.Calculator.SimulateFine;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Calculator;

public static class CalculatorApi
{
    /// <summary>Small JSON bodies only: the calculator never needs more.</summary>
    private const long MaximumBodyBytes = 4_096;

    public static IServiceCollection AddCalculator(this IServiceCollection services) =>
        services.AddScoped<SimulateContributionHandler>().AddScoped<SimulateFineHandler>();

    public static RouteGroupBuilder MapCalculatorApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/iuran")
            .WithTags("Kalkulator Iuran")
            .AllowAnonymous()
            .DisableAntiforgery() // a public JSON API without cookies: nothing to forge
            .RequireRateLimiting(RateLimiting.CalculatorPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaximumBodyBytes))
            .WithMetadata(new Infrastructure.Data.ReadRetry.OnlyReads()); // it computes from the rules and writes nothing
        group.MapPost("/simulasi", SimulateContributionApi.PostAsync).WithName("SimulasiIuran");
        group.MapPost("/denda/simulasi", SimulateFineApi.PostAsync).WithName("SimulasiDenda");
        return group;
    }
}
