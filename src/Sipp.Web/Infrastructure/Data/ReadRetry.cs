using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>
/// A page that only reads survives a restart or fail-over of PostgreSQL (issue 15: 55 requests answered HTTP 500 while
/// it restarted): a statement of a GET or HEAD request that fails on a broken or refused connection is tried again on a
/// new one, after about 1, 3 and 5 seconds. Nothing else is retried: a form's POST may have done its work (the user gets
/// an error and decides), and a statement inside a handler's own transaction cannot be repeated alone.
/// </summary>
public static class ReadRetry
{
    private static readonly AsyncLocal<bool> Reading = new();

    /// <summary>Marks the request's statements as retryable when its method only reads, or its endpoint is marked
    /// <see cref="OnlyReads"/>; never a health probe, whose balancer wants the truth at once. After routing.</summary>
    public static IApplicationBuilder UseReadRetry(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        Reading.Value = !context.Request.Path.StartsWithSegments("/health")
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || context.GetEndpoint()?.Metadata.GetMetadata<OnlyReads>() is not null);
        await next(context);
    });

    /// <summary>Endpoint metadata: a POST that only reads (the calculator), so its statements may be tried again.</summary>
    public sealed class OnlyReads;

    internal static bool InReadingRequest => Reading.Value;
}

/// <summary>
/// Npgsql's retrying strategy, narrowed to <see cref="ReadRetry"/>. It reports that it does not retry
/// (<see cref="RetriesOnFailure"/>), so EF Core neither buffers every query in memory (the 100,000-line reports stream)
/// nor refuses the handlers' own transactions; only the start of a statement is repeated, never a half-read result.
/// </summary>
public sealed class ReadRetryExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null)
{
    private const string StatementTimeout = "57014";

    public override bool RetriesOnFailure => false;

    protected override bool ShouldRetryOn(Exception? exception) =>
        ReadRetry.InReadingRequest
        && Dependencies.CurrentContext.Context.Database.CurrentTransaction is null
        && exception is not PostgresException { SqlState: StatementTimeout }
        && base.ShouldRetryOn(exception);
}
