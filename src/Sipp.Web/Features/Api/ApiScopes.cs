namespace Sipp.Web.Features.Api;

/// <summary>What an API client may be allowed to do; each endpoint names the one it needs.</summary>
public static class ApiScopes
{
    public const string ReadWorkers = "pekerja:baca";
    public const string WriteWorkers = "pekerja:tulis";
    public const string Contributions = "iuran:kelola";
    public const string Reports = "laporan:baca";

    /// <summary>Each scope with what the Admin is told it allows ("Akses API").</summary>
    public static readonly IReadOnlyList<(string Scope, string Label)> All =
    [
        (ReadWorkers, "Membaca daftar dan data tenaga kerja"),
        (WriteWorkers, "Menambah tenaga kerja, mengubah upah, menonaktifkan"),
        (Contributions, "Menghitung, memfinalisasi dan membatalkan iuran"),
        (Reports, "Mengunduh laporan"),
    ];

    /// <summary>The policy of an endpoint any valid client may call (its own divisions).</summary>
    public const string AnyPolicy = "Api";

    public static bool IsKnown(string scope) => All.Any(s => s.Scope == scope);

    /// <summary>The authorization policy of an endpoint that needs <paramref name="scope"/>.</summary>
    public static string Policy(string scope) => "Api." + scope;
}
