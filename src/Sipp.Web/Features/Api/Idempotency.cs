using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sipp.Data;
using Sipp.Data.Api;
using Sipp.Domain;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Api;

/// <summary>
/// <c>Idempotency-Key</c> on every POST and PUT of the API: the first request with a key claims it (a unique row per
/// client and key, so of concurrent repeats exactly one runs); its answer is kept and replayed to a repeat with the same
/// request for 24 hours; the same key with another request is refused (422). A repeat arriving while the first still
/// runs waits for its answer. A failed first request (5xx, or an error) frees the key.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);
    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) && !HttpMethods.IsPut(http.Request.Method) || http.Request.Headers[Header] is not [{ } key])
        {
            return await next(context);
        }

        if (key.Length is 0 or > 100 || key.Any(c => c < 0x21 || c > 0x7E))
        {
            return Refusal.Field(Header, Wording.Of("Idempotency-Key harus 1 sampai 100 karakter ASCII yang terlihat.")).ToProblem();
        }

        var cancellationToken = http.RequestAborted;
        var db = http.RequestServices.GetRequiredService<SippDbContext>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var client = http.RequestServices.GetRequiredService<ApiCaller>().Client.Id;
        var hash = await HashAsync(http.Request, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        // An expired record of the key no longer counts.
        await db.ApiIdempotencies.Where(i => i.ApiClientId == client && i.Key == key && i.CreatedAt < now - Kept).ExecuteDeleteAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var claim = new ApiIdempotency { Id = Guid.NewGuid(), ApiClientId = client, Key = key, RequestHash = hash, CreatedAt = now };
            db.ApiIdempotencies.Add(claim);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                db.Entry(claim).State = EntityState.Detached;
                if (await db.ApiIdempotencies.AnyAsync(i => i.ApiClientId == client && i.Key == key, cancellationToken))
                {
                    return await ReplayAsync(db, client, key, hash, http, cancellationToken);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken); // not a duplicate: the database was busy
                continue;
            }

            // Claimed: only now does the request run (its own errors are its own, never taken for a duplicate key).
            return await RunFirstAsync(context, next, db, claim.Id, clock);
        }
    }

    /// <summary>Runs the request, keeps its answer (or frees the key when it failed) and sends it.</summary>
    private static async Task<object?> RunFirstAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, SippDbContext db, Guid claim, TimeProvider clock)
    {
        var http = context.HttpContext;
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            var result = await next(context);
            if (result is IResult answer)
            {
                await answer.ExecuteAsync(http);
            }
        }
        catch
        {
            http.Response.Body = original;
            await db.ApiIdempotencies.Where(i => i.Id == claim).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (http.Response.StatusCode >= 500)
        {
            await db.ApiIdempotencies.Where(i => i.Id == claim).ExecuteDeleteAsync(CancellationToken.None);
        }
        else
        {
            var completed = clock.GetUtcNow().UtcDateTime;
            var (status, type) = (http.Response.StatusCode, http.Response.ContentType);
            await db.ApiIdempotencies.Where(i => i.Id == claim).ExecuteUpdateAsync(
                i => i.SetProperty(x => x.CompletedAt, completed).SetProperty(x => x.StatusCode, status).SetProperty(x => x.ContentType, type).SetProperty(x => x.Body, body),
                CancellationToken.None);
        }

        await original.WriteAsync(body, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>The first request's answer to its repeat, once it is there; another request under the same key is refused.</summary>
    private static async Task<object?> ReplayAsync(SippDbContext db, Guid client, string key, string hash, HttpContext http, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var first = await db.ApiIdempotencies.AsNoTracking().SingleOrDefaultAsync(i => i.ApiClientId == client && i.Key == key, cancellationToken);
            if (first is not null && first.RequestHash != hash)
            {
                return Refusal.Field(Header, Wording.Of("Idempotency-Key ini sudah dipakai untuk permintaan lain. Gunakan key baru untuk permintaan baru."), RefusalKind.Unprocessable).ToProblem();
            }

            if (first is { CompletedAt: not null })
            {
                http.Response.Headers["Idempotency-Replayed"] = "true";
                http.Response.StatusCode = first.StatusCode;
                http.Response.ContentType = first.ContentType;
                await http.Response.Body.WriteAsync(first.Body ?? [], cancellationToken);
                return Results.Empty;
            }

            if (first is null || waited >= WaitForFirst)
            {
                return Refusal.Field(Header, Wording.Of("Permintaan pertama dengan Idempotency-Key ini belum selesai. Coba lagi sebentar lagi."), RefusalKind.Conflict).ToProblem();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            waited += TimeSpan.FromMilliseconds(100);
        }
    }

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
