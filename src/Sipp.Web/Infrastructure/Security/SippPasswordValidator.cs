using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Sipp.Data.Accounts;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>
/// The password policy of product.md §2 beyond length: not a common password (also not one with digits or signs
/// merely added at the end), and not containing the local part of the user's email.
/// </summary>
public sealed class SippPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        var lower = (password ?? string.Empty).ToLowerInvariant();
        if (IsCommon(lower))
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = Wording.Of("Password terlalu umum dan mudah ditebak; pilih password lain.") });
        }

        var localPart = user.Email is { } email && email.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? email[..at].ToLowerInvariant() : null;
        if (localPart is { Length: >= 3 } && lower.Contains(localPart, StringComparison.Ordinal))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = Wording.Of("Password tidak boleh memuat bagian nama email Anda.") });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsCommon(string lower)
    {
        var set = CommonPasswords.Value;
        if (set.Contains(lower))
        {
            return true;
        }

        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.?~ ".ToCharArray());
        return stem.Length >= 4 && set.Contains(stem);
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in new[] { "Sipp.Web.Security.common-passwords.txt", "Sipp.Web.Security.common-passwords-id.txt" })
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is missing.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                {
                    set.Add(line.Trim().ToLowerInvariant());
                }
            }
        }

        return set;
    }
}
