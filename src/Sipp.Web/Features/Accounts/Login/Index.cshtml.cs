using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;
using Sipp.Web.Features.Accounts.Otp;
using Sipp.Web.Infrastructure.Audit;
using Sipp.Web.Infrastructure.Messaging;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Accounts.Login;

/// <summary>"Masuk": email and password, then an OTP by SMS and email. Never tells whether an email is registered.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.LoginPolicy)]
public sealed class IndexModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SippDbContext db,
    OtpService otp,
    Outbox outbox,
    AuditLog audit,
    LoginThrottle throttle,
    IPasswordHasher<AppUser> hasher,
    IOptions<SecurityOptions> security) : PageModel
{
    public const string WrongCredentials = "Email atau password salah.";

    // Verifying against a real hash for unknown emails keeps the answer time the same as for a wrong password.
    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser { FullName = "-" }, Guid.NewGuid().ToString());

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public string LockedMessage =>
        $"Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara selama {(int)security.Value.Lockout.Duration.TotalMinutes} menit.";

    public string? Notice => Status switch
    {
        "aktif" => "Akun Anda sudah aktif. Silakan masuk.",
        "reset" => "Password sudah diganti. Silakan masuk dengan password baru.",
        "habis" => "Sesi Anda telah berakhir karena tidak ada aktivitas. Silakan masuk kembali.",
        "keluar" => "Anda telah keluar.",
        _ => null,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Email) ? nameof(Email) : nameof(Password),
                string.IsNullOrWhiteSpace(Email) ? "Email wajib diisi." : "Password wajib diisi.");
            return Page();
        }

        var normalized = users.NormalizeEmail(Email.Trim()) ?? string.Empty;
        if (!throttle.TryAttempt(normalized))
        {
            return Refuse("Terlalu banyak percobaan masuk untuk akun ini. Coba lagi dalam beberapa menit.");
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser { FullName = "-" }, DummyHash, Password);
            if (throttle.IsUnknownLockedOut(normalized))
            {
                return Refuse(LockedMessage);
            }

            var lockedNow = throttle.RecordUnknownFailure(normalized);
            audit.Record("login.gagal", actorName: normalized, after: new { alasan = "email tidak terdaftar" });
            await db.SaveChangesAsync(cancellationToken);
            return Refuse(lockedNow ? LockedMessage : WrongCredentials);
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without hashing the password: hash it anyway, so that a locked account
            // takes as long to answer as an unknown email or a wrong password, and its timing reveals nothing.
            hasher.VerifyHashedPassword(user, DummyHash, Password);
            return await LockedAsync(user, cancellationToken);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return await LockedAsync(user, cancellationToken); // this wrong password was the one that locked it
        }

        if (!result.Succeeded)
        {
            audit.Record("login.gagal", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email, after: new { alasan = "password salah" });
            await db.SaveChangesAsync(cancellationToken);
            return Refuse(WrongCredentials);
        }

        // The password is right, so saying why the account cannot be used reveals nothing to a stranger.
        if (!user.IsActive)
        {
            return Refuse("Akun Anda sudah dinonaktifkan. Hubungi Admin perusahaan Anda.");
        }

        if (!user.EmailConfirmed)
        {
            return Refuse("Akun belum diaktifkan. Buka tautan aktivasi yang dikirim ke email Anda.");
        }

        var challenge = OtpChallenge.New(OtpPurpose.Login, user.Id);
        var sent = await otp.SendAsync(OtpPurpose.Login, challenge.Id, user.Id, user.PhoneNumber ?? user.Email!, cancellationToken);
        if (sent.Refusal is { } refusal)
        {
            return Refuse(refusal);
        }

        OtpMessages.SendLoginCode(outbox, user.PhoneNumber, user.Email!, sent.Code!, security.Value.Otp.Lifetime);
        audit.Record("otp.terkirim", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email, after: new { tujuan = "masuk" });
        await db.SaveChangesAsync(cancellationToken);
        await challenge.SaveAsync(HttpContext);
        return RedirectToPage("Verify", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }

    private async Task<PageResult> LockedAsync(AppUser user, CancellationToken cancellationToken)
    {
        audit.Record("akun.terkunci", "Pengguna", user.Id.ToString(), actorUserId: user.Id, actorName: user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return Refuse(LockedMessage);
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        Password = null;
        return Page();
    }
}
