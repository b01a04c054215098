using Microsoft.AspNetCore.Identity;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Security;

/// <summary>Identity's messages in Indonesian. Messages about duplicate emails are deliberately neutral.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = Wording.Of($"Password minimal {length} karakter.") };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = Wording.Of("Password salah.") };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = Wording.Of("Tautan tidak valid, sudah digunakan, atau sudah kedaluwarsa.") };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = Wording.Of("Pendaftaran tidak dapat diproses dengan data ini.") };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = Wording.Of("Pendaftaran tidak dapat diproses dengan data ini.") };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = Wording.Of("Format email tidak valid.") };

    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = Wording.Of("Penguncian akun tidak aktif untuk pengguna ini.") };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = Wording.Of("Terjadi kesalahan; coba lagi.") };
}
