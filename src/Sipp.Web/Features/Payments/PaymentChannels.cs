using System.ComponentModel.DataAnnotations;

namespace Sipp.Web.Features.Payments;

/// <summary>Configuration section "Payments": the channels a bill can be paid through ("Channel Pembayaran").</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    [MinLength(1)]
    public List<PaymentChannel> Channels { get; set; } = [];

    public PaymentChannel? Find(string? code) => Channels.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}

/// <summary>A bank or virtual-account channel; <see cref="Secret"/> signs its payment notifications (HMAC-SHA256).</summary>
public sealed class PaymentChannel
{
    [Required, RegularExpression("^[A-Z0-9_]{2,32}$")]
    public string Code { get; set; } = string.Empty;

    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>What the payer is told to do, with {kode} for the Kode Iuran.</summary>
    [Required]
    public string Instructions { get; set; } = string.Empty;

    /// <summary>The shared secret of the bank's notifications; a channel without one cannot notify.</summary>
    public string? Secret { get; set; }

    public string InstructionsFor(string kodeIuran) => Instructions.Replace("{kode}", kodeIuran, StringComparison.Ordinal);
}
