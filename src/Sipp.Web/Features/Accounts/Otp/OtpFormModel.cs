namespace Sipp.Web.Features.Accounts.Otp;

/// <param name="SentTo">Where the code went, masked (0812****7890).</param>
public sealed record OtpFormModel(string SentTo, string? Error, string? Info)
{
    /// <summary>The form's field of the typed code, and the key of a refusal about it.</summary>
    public const string CodeField = "kodeOtp";
}
