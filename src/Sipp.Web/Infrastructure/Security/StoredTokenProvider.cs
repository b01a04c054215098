using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Accounts;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// Identity token provider for emailed links (activation, password reset): a random 256-bit token, of which only the
/// SHA-256 hash is stored, valid for the purpose's lifetime and usable once (validating consumes it atomically).
/// </summary>
public sealed class StoredTokenProvider(SippDbContext db, TimeProvider clock, IOptions<SecurityOptions> options) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "Sipp.Tautan";

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.AccountTokens.Add(new AccountToken
        {
            Id = Guid.NewGuid(), UserId = user.Id, Purpose = purpose, TokenHash = Hash(token), CreatedAt = now,
            ExpiresAt = now + Lifetime(purpose),
        });
        await db.SaveChangesAsync();
        return token;
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var consumed = await db.AccountTokens
            .Where(t => t.TokenHash == hash && t.UserId == user.Id && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now));
        return consumed == 1;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    private TimeSpan Lifetime(string purpose) => purpose == UserManager<AppUser>.ResetPasswordTokenPurpose
        ? options.Value.PasswordResetLinkLifetime
        : options.Value.ActivationLinkLifetime;

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
