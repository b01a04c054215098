using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sipp.Domain.Rules;

/// <summary>
/// The rule rows shipped with Sipp as a versioned data file (Rules/Data/aturan-iuran.vN.json). The web host loads
/// them into the database once per version; administrators add later rows there.
/// </summary>
public static class RuleDataFile
{
    public const int CurrentVersion = 2;

    public static string SourceName(int version) => $"aturan-iuran.v{version}";

    public static IReadOnlyList<RuleRow> Load(int version = CurrentVersion)
    {
        var resource = $"Sipp.Domain.Rules.Data.{SourceName(version)}.json";
        using var stream = typeof(RuleDataFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Berkas aturan {resource} tidak ada.");
        var document = JsonSerializer.Deserialize<Document>(stream)
            ?? throw new InvalidOperationException($"Berkas aturan {resource} kosong.");
        if (document.Version != version)
        {
            throw new InvalidOperationException($"Berkas aturan {resource} menyebut versi {document.Version}.");
        }

        return document.Rules.Select(r => new RuleRow(r.Key, r.EffectiveFrom, r.Value, r.Note ?? string.Empty)).ToList();
    }

    public static RuleTable LoadTable(int version = CurrentVersion) => new(Load(version));

    private sealed record Document(
        [property: JsonPropertyName("versi")] int Version,
        [property: JsonPropertyName("aturan")] IReadOnlyList<Row> Rules);

    private sealed record Row(
        [property: JsonPropertyName("kunci")] string Key,
        [property: JsonPropertyName("berlakuMulai")] DateOnly EffectiveFrom,
        [property: JsonPropertyName("nilai")] decimal Value,
        [property: JsonPropertyName("catatan")] string? Note);
}
