using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Quartz;
using Sipp.Web.Features.Contributions.RemindUnpaidBills;

namespace Sipp.Web.Infrastructure.Jobs;

/// <summary>Configuration section "Jobs": when the scheduled work runs (Quartz cron expressions, Western Indonesia Time).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Marks late bills and sends the payment reminders; default every day at 07:00 WIB.</summary>
    [Required]
    public string DailyBillsCron { get; set; } = "0 0 7 * * ?";
}

/// <summary>The scheduler: Quartz.NET, its jobs and their triggers.</summary>
public static class JobsSetup
{
    public const string DailyBillsJob = "tagihan-harian";

    public static IServiceCollection AddSippJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.DailyBillsCron, out _), "Jobs:DailyBillsCron bukan ekspresi cron Quartz yang valid.").ValidateOnStart();
        services.AddScoped<UnpaidBillNotices>();
        services.AddQuartz(quartz =>
        {
            // Quartz keeps schedulers in a process-wide registry by name: each host gets its own (tests start many hosts
            // in one process), so a host never picks up another host's scheduler and its services.
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "sipp-" + Guid.NewGuid().ToString("N"));
            quartz.AddJob<DailyBillsJob>(job => job.WithIdentity(DailyBillsJob).WithDescription("Tandai tagihan terlambat dan kirim pengingat pembayaran"));
            quartz.AddTrigger((services, trigger) => trigger.ForJob(DailyBillsJob).WithIdentity(DailyBillsJob + "-harian")
                .WithCronSchedule(services.GetRequiredService<IOptions<JobOptions>>().Value.DailyBillsCron, cron => cron.InTimeZone(JakartaTime.Zone)));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>Once a day: bills past their due date are marked late and announced, then the payment reminders go out.</summary>
[DisallowConcurrentExecution]
public sealed class DailyBillsJob(IServiceScopeFactory scopes, ILogger<DailyBillsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var notices = scope.ServiceProvider.GetRequiredService<UnpaidBillNotices>();
        var late = await notices.MarkLateAsync(cancellationToken);
        var reminded = await notices.RemindAsync(cancellationToken);
        logger.LogInformation("Daily bills: {Late} late notices and {Reminders} reminders queued", late, reminded);
    }
}
