using System.Globalization;
using System.Text.Json;
using Sipp.Domain;

namespace Sipp.Web.Infrastructure.Problems;

/// <summary>
/// Reads a JSON object field by field with strict types, recording an Indonesian message under the contract's
/// field name for anything missing, malformed or of the wrong type. Malformed JSON is reported under "$".
/// </summary>
public sealed class JsonRequestReader
{
    private readonly JsonElement _root;

    private JsonRequestReader(JsonElement root, FieldErrors errors)
    {
        _root = root;
        Errors = errors;
    }

    public FieldErrors Errors { get; }

    public static async Task<JsonRequestReader?> ReadAsync(HttpRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            errors.Add("$", Wording.Of("Kirim data sebagai JSON (Content-Type: application/json)."));
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("$", Wording.Of("Isi permintaan harus berupa objek JSON."));
                return null;
            }

            return new JsonRequestReader(document.RootElement.Clone(), errors);
        }
        catch (JsonException)
        {
            errors.Add("$", Wording.Of("Isi permintaan bukan JSON yang valid."));
            return null;
        }
    }

    public string? String(string field, string label, bool required)
    {
        if (!TryGet(field, label, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(field, Wording.Of($"{label} harus berupa teks."));
            return null;
        }

        return value.GetString();
    }

    public long? Integer(string field, string label, bool required)
    {
        if (!TryGet(field, label, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Errors.Add(field, Wording.Of($"{label} harus berupa bilangan bulat."));
            return null;
        }

        return number;
    }

    public bool? Boolean(string field, string label, bool required)
    {
        if (!TryGet(field, label, required, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Errors.Add(field, Wording.Of($"{label} harus berupa true atau false."));
            return null;
        }

        return value.GetBoolean();
    }

    public DateOnly? Date(string field, string label, bool required)
    {
        var text = String(field, label, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Errors.Add(field, Wording.Of($"{label} harus tanggal berformat YYYY-MM-DD, misalnya 1990-05-17."));
            return null;
        }

        if (Sipp.Domain.Periods.Period.CheckInputDate(date, label) is { } outside)
        {
            Errors.Add(field, outside);
            return null;
        }

        return date;
    }

    private bool TryGet(string field, string label, bool required, out JsonElement value)
    {
        if (_root.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Errors.Add(field, Wording.Of($"{label} wajib diisi."));
        }

        return false;
    }
}
