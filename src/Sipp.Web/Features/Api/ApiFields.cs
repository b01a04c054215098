using System.Globalization;
using System.Text.Json;
using Sipp.Domain;
using Sipp.Web.Features.Shared;
using Sipp.Web.Infrastructure.Problems;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Web.Features.Api;

/// <summary>
/// The API's field names (the calculator contract's style: Indonesian, camelCase) for the fields the worker handlers
/// take under their visible names. A JSON body becomes the handlers' <see cref="FormInput"/>; their refusals come back
/// keyed by the API's names — one set of rules and messages for the pages, the uploads and the API.
/// </summary>
public static class ApiFields
{
    /// <summary>The largest body a worker request may send.</summary>
    public const long MaxBodyBytes = 16 * 1024;

    private static readonly Dictionary<string, string> ToForm = new(StringComparer.Ordinal)
    {
        ["kpj"] = F.Kpj, ["nik"] = F.Nik, ["namaLengkap"] = F.FullName, ["tempatLahir"] = F.BirthPlace, ["tanggalLahir"] = F.BirthDate,
        ["jenisKelamin"] = F.Sex, ["namaIbuKandung"] = F.MotherMaidenName, ["kewarganegaraan"] = F.Citizenship, ["nomorPaspor"] = F.Passport,
        ["negara"] = F.Country, ["statusKawin"] = F.MaritalStatus, ["alamat"] = F.Address, ["kodePos"] = F.PostalCode, ["nomorHandphone"] = F.Phone,
        ["email"] = F.Email, ["npwp"] = F.Npwp, ["statusPegawai"] = F.EmploymentType, ["tanggalMulaiKerja"] = F.WorkStart,
        ["tanggalAkhirKontrak"] = F.ContractEnd, ["tanggalMulaiKepesertaan"] = F.MembershipStart, ["upah"] = F.Wage, ["tanggalNonAktif"] = F.EndDate,
        ["alasan"] = F.EndReason, ["periodeMulai"] = F.WageFrom, ["nomorPegawai"] = F.EmployeeNumber,
    };

    private static readonly Dictionary<string, string> ToApi = new(ToForm.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal), StringComparer.Ordinal)
    {
        [Workers.Uploads.UploadDefinition.KpjColumn] = "kpj", // the upload checks' name for it, met in "Lapor Upah"
    };

    /// <summary>A request's JSON object, or the refusal of a body that is not one (wrong content type, not JSON, not an object).</summary>
    public static async Task<Result<JsonDocument>> ObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Refusal.Of(Wording.Of("Kirim data sebagai JSON (Content-Type: application/json)."));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            return Refusal.Of(Wording.Of("Isi permintaan bukan JSON yang valid."));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return Refusal.Of(Wording.Of("Isi permintaan harus berupa objek JSON."));
        }

        return document;
    }

    /// <summary>The body's fields under the handlers' names, or the refusal of a body that is not an object of known fields with text or number values.</summary>
    public static async Task<Result<FormInput>> ReadAsync(HttpRequest request, IReadOnlyCollection<string> allowed, CancellationToken cancellationToken)
    {
        var body = await ObjectAsync(request, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        using (var document = body.Value!)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!allowed.Contains(property.Name) || !ToForm.TryGetValue(property.Name, out var field))
                {
                    errors[property.Name] = [Wording.Of($"Kolom {property.Name} tidak dikenal di sini.")];
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[field] = property.Value.GetString();
                        break;
                    case JsonValueKind.Number:
                        values[field] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        errors[property.Name] = [Wording.Of($"Kolom {property.Name} harus berupa teks atau angka.")];
                        break;
                }
            }

            return errors.Count > 0 ? new Refusal(RefusalKind.Invalid, errors) : new FormInput(values);
        }
    }

    /// <summary>The API's name of each field a refusal is about (a message about the whole request stays so).</summary>
    public static Refusal Named(Refusal refusal) => refusal with
    {
        Errors = refusal.Errors.ToDictionary(e => ToApi.GetValueOrDefault(e.Key, e.Key), e => e.Value, StringComparer.Ordinal),
    };

    public static string ApiName(string field) => ToApi.GetValueOrDefault(field, field);

    public static IReadOnlyCollection<string> Of(params string[] fields) => fields.Select(ApiName).ToHashSet(StringComparer.Ordinal);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
