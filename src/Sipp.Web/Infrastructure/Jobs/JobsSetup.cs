using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using Sipp.Web.Infrastructure.Data;
using Sipp.Web.Features.Contributions.RemindUnpaidBills;

namespace Sipp.Web.Infrastructure.Jobs;

/// <summary>Configuration section "Jobs": when the scheduled work runs (Quartz cron expressions, Western Indonesia Time).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Marks late bills and sends the payment reminders; default every day at 07:00 WIB.</summary>
    [Required]
    public string DailyBillsCron { get; set; } = "0 0 7 * * ?";

    /// <summary>Removes what is no longer needed (<see cref="Housekeeping"/>); default every night at 02:30 WIB.</summary>
    [Required]
    public string HousekeepingCron { get; set; } = "0 30 2 * * ?";
}

/// <summary>
/// The scheduler: Quartz.NET, its jobs and their triggers. On PostgreSQL (several nodes) the schedule is kept in the
/// database by Quartz's clustered ADO.NET store, so each firing runs on one node only; on SQLite (one node) in memory.
/// </summary>
public static class JobsSetup
{
    public const string DailyBillsJob = "tagihan-harian";
    public const string HousekeepingJob = "pembersihan";

    /// <summary>Every node of a cluster must carry the same scheduler name; each gets an instance id of its own.</summary>
    public const string SchedulerName = "Sipp";

    /// <summary>The store is chosen when services are registered, so the database settings are read from configuration here.</summary>
    public static IServiceCollection AddSippJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.DailyBillsCron, out _), "Jobs:DailyBillsCron bukan ekspresi cron Quartz yang valid.")
            .Validate(o => CronExpression.TryParse(o.HousekeepingCron, out _), "Jobs:HousekeepingCron bukan ekspresi cron Quartz yang valid.").ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<UnpaidBillNotices>();
        services.AddScoped<Housekeeping>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            if (configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider == DatabaseProvider.Postgres)
            {
                quartz.UsePersistentStore(store =>
                {
                    // With Sipp's session defaults: an idle transaction of a frozen node releases the scheduler's row locks in seconds.
                    store.UsePostgres(NpgsqlFactory.Instance, DatabaseSetup.WithSessionDefaults(configuration.GetConnectionString(DatabaseSetup.ConnectionStringName)
                        ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Sipp is empty.")));
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering();
                    store.ProvisionSchema(); // Quartz creates its own qrtz_* tables when they are missing
                });
            }

            quartz.AddJob<DailyBillsJob>(job => job.WithIdentity(DailyBillsJob).WithDescription("Tandai tagihan terlambat dan kirim pengingat pembayaran"));
            quartz.AddTrigger((services, trigger) => trigger.ForJob(DailyBillsJob).WithIdentity(DailyBillsJob + "-harian")
                .WithCronSchedule(services.GetRequiredService<IOptions<JobOptions>>().Value.DailyBillsCron, cron => cron.InTimeZone(JakartaTime.Zone)));
            quartz.AddJob<HousekeepingJob>(job => job.WithIdentity(HousekeepingJob).WithDescription("Hapus pesan terkirim, kode kedaluwarsa dan baris upload yang selesai"));
            quartz.AddTrigger((services, trigger) => trigger.ForJob(HousekeepingJob).WithIdentity(HousekeepingJob + "-malam")
                .WithCronSchedule(services.GetRequiredService<IOptions<JobOptions>>().Value.HousekeepingCron, cron => cron.InTimeZone(JakartaTime.Zone)));
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

/// <summary>Once a night: <see cref="Housekeeping"/>.</summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(IServiceScopeFactory scopes, ILogger<HousekeepingJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunAsync(cancellationToken);
        logger.LogInformation("Housekeeping removed {Removed}", removed);
    }
}
