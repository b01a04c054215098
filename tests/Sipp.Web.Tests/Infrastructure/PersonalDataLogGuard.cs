using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Sipp.Web.Tests.Infrastructure;

/// <summary>
/// Reads every log line of a host — every test host of the run carries one — and keeps the ones that hold a NIK, an
/// Indonesian mobile number or an OTP code; <see cref="SippWebFactory"/> fails when its host logged any.
/// </summary>
public sealed partial class PersonalDataLogGuard : ILoggerProvider
{
    public ConcurrentQueue<string> Violations { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Guard(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>What a line gives away, if anything: "NIK", "nomor handphone" or "kode OTP".</summary>
    public static string? Finding(string line) =>
        Nik().IsMatch(line) ? "NIK"
        : Phone().IsMatch(line) ? "nomor handphone"
        : OtpContext().IsMatch(line) && SixDigits().IsMatch(line) ? "kode OTP"
        : null;

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{16}(?![0-9A-Za-z])")]
    private static partial Regex Nik();

    // A mobile number as Sipp stores it (+628…), or written 628… or 08… at lengths no 11-digit KPJ or Kode Iuran has.
    [GeneratedRegex(@"(?<![0-9A-Za-z+])(\+628\d{7,11}|628\d{9,11}|08\d{10,11})(?![0-9A-Za-z])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"otp|kode", RegexOptions.IgnoreCase)]
    private static partial Regex OtpContext();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}(?![0-9A-Za-z])")]
    private static partial Regex SixDigits();

    private sealed class Guard(PersonalDataLogGuard owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception) + (exception is null ? string.Empty : " " + exception);
            if (Finding(line) is { } finding)
            {
                owner.Violations.Enqueue($"{category} ({logLevel}): {finding} in \"{line[..Math.Min(line.Length, 300)]}\"");
            }
        }
    }
}
