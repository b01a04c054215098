using Sipp.Web.Features.Contributions.ComputePeriod;
using Sipp.Web.Features.Contributions.FinalizePeriod;
using Sipp.Web.Features.Payments;

namespace Sipp.Web.Features.Contributions;

public static class ContributionsSetup
{
    public static IServiceCollection AddContributions(this IServiceCollection services)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PeriodComputation>();
        services.AddScoped<MonitorDivisions.DivisionsComputation>();
        services.AddScoped<CorrectWage.WageCorrection>();
        services.AddScoped<BillIssuing>();
        services.AddScoped<ApproveFinalization.FinalizationApproval>();
        services.AddScoped<LateChanges.LateChargePlanner>();
        services.AddScoped<Payments.NotifyPayment.PaymentNotification>();
        services.AddHttpClient(Payments.BankSimulator.IndexModel.HttpClientName);
        return services;
    }
}
