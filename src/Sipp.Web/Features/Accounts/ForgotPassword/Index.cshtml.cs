using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Domain.Identifiers;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.ForgotPassword;

/// <summary>"Lupa Password": a single-use reset link by email, valid one hour. The answer is the same for any email.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.LoginPolicy)]
public sealed class IndexModel(UserManager<AppUser> users, SippDbContext db, Outbox outbox, AuditLog audit, IOptions<SecurityOptions> security) : PageModel
{
    public const string Sent = "Jika email tersebut terdaftar dan aktif, kami telah mengirim tautan untuk mengatur ulang password. Tautan berlaku 1 jam dan hanya dapat dipakai sekali.";

    [BindProperty]
    public string? Email { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(Email, out var email, out var error))
        {
            ModelState.AddModelError(nameof(Email), error);
            return Page();
        }

        var user = await users.FindByEmailAsync(email.Value);
        if (user is { IsActive: true, EmailConfirmed: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Page("/Accounts/ResetPassword/Index", null, new { u = user.Id, t = token }, Request.Scheme, Request.Host.Value);
            var hours = (int)security.Value.PasswordResetLinkLifetime.TotalHours;
            outbox.Email(user.Email!, "Atur ulang password Sipp", $"""
                Kami menerima permintaan untuk mengatur ulang password akun Sipp Anda.

                Buka tautan ini dalam {hours} jam untuk membuat password baru (hanya dapat dipakai sekali):
                {link}

                Bila Anda tidak meminta ini, abaikan email ini; password Anda tidak berubah.
                """);
            audit.Record("password.lupa", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
            await db.SaveChangesAsync(cancellationToken);
        }

        Done = true;
        return Page();
    }
}
