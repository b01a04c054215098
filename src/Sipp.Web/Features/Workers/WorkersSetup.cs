namespace Sipp.Web.Features.Workers;

public static class WorkersSetup
{
    /// <summary>The handlers of the worker use cases, called by their pages (and by uploads and the API).</summary>
    public static IServiceCollection AddWorkers(this IServiceCollection services)
    {
        services.AddScoped<AddWorker.WorkerEnrolment>();
        services.AddScoped<EditWorker.WorkerDataUpdate>();
        services.AddScoped<ChangeWage.WageRevision>();
        services.AddScoped<DeactivateWorker.WorkerDeactivation>();
        return services;
    }
}
