using Sipp.Domain;
using Sipp.Data.Messaging;
using Sipp.Web.Infrastructure.Messaging;

namespace Sipp.Web.Features.Accounts.Otp;

/// <summary>The texts of OTP messages: the code first, and never a request to share it.</summary>
public static class OtpMessages
{
    public static void SendLoginCode(Outbox outbox, string? phone, string email, string code, TimeSpan lifetime)
    {
        var minutes = (int)lifetime.TotalMinutes;
        if (phone is not null)
        {
            outbox.Sms(phone, Wording.Of($"{code} adalah kode OTP masuk Sipp Anda, berlaku {minutes} menit. JANGAN berikan kode ini kepada siapa pun, termasuk petugas BPJS."), MessagePriority.Urgent);
        }

        outbox.Email(email, Wording.Of("Kode OTP masuk Sipp"), Outbox.Paragraphs(
            Wording.Of($"Kode OTP untuk masuk ke Sipp: {code}"),
            Wording.Of($"Kode berlaku {minutes} menit dan hanya dapat dipakai sekali. Jangan berikan kode ini kepada siapa pun, termasuk petugas BPJS Ketenagakerjaan. Bila Anda tidak sedang masuk ke Sipp, segera ganti password Anda.")),
            MessagePriority.Urgent);
    }

    public static void SendVerificationCode(Outbox outbox, string phone, string code, TimeSpan lifetime, string what) =>
        outbox.Sms(phone, Wording.Of($"{code} adalah kode OTP {what} Sipp Anda, berlaku {(int)lifetime.TotalMinutes} menit. JANGAN berikan kode ini kepada siapa pun."), MessagePriority.Urgent);
}
