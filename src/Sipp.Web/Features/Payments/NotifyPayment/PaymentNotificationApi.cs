using Sipp.Web.Infrastructure.Observability;
using Sipp.Web.Infrastructure.Problems;

namespace Sipp.Web.Features.Payments.NotifyPayment;

/// <summary>POST /api/v1/pembayaran/notifikasi: banks report payments, authenticated by their channel's signature.</summary>
public static class PaymentNotificationApi
{
    private const int MaximumBodyBytes = 4_096;

    public static void MapPaymentNotification(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/pembayaran/notifikasi", PostAsync)
            .WithName("NotifikasiPembayaran")
            .AllowAnonymous() // authenticated by the HMAC signature of the channel, not by a user
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaximumBodyBytes));

    private static async Task<IResult> PostAsync(HttpRequest request, PaymentNotification notifications, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var (receipt, refusal) = await notifications.HandleAsync(buffer.ToArray(), request.Headers["X-Sipp-Signature"], cancellationToken);
        SippMetrics.PaymentNotifications.Add(1, new KeyValuePair<string, object?>("outcome", refusal?.Kind.ToString() ?? "Diterima"));
        return receipt is not null ? TypedResults.Ok(receipt) : refusal!.ToProblem();
    }
}
