using System.Globalization;

namespace Sipp.Domain.Workers;

/// <summary>Reads typed values out of text typed in a form or found in an upload cell, collecting errors by field.</summary>
public sealed class FieldValues(IReadOnlyDictionary<string, string?> values)
{
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => Errors.Count > 0;

    public void Fail(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list))
        {
            Errors[field] = list = [];
        }

        list.Add(message);
    }

    public string? Text(string field)
    {
        var value = values.TryGetValue(field, out var v) ? v?.Trim() : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string? Required(string field)
    {
        var value = Text(field);
        if (value is null)
        {
            Fail(field, Wording.Of($"{Wording.OfName(field)} wajib diisi."));
        }

        return value;
    }

    /// <summary>A date as dd/mm/yyyy or yyyy-mm-dd (uploads turn real Excel dates into yyyy-mm-dd before this).</summary>
    public DateOnly? Date(string field, bool required)
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        if (Periods.TypedDate.TryParse(text, out var date))
        {
            if (Periods.Period.CheckInputDate(date, field) is { } outside)
            {
                Fail(field, outside);
                return null;
            }

            return date;
        }

        Fail(field, Wording.Of($"{Wording.OfName(field)} harus tanggal yang valid (dd/mm/yyyy atau yyyy-mm-dd)."));
        return null;
    }

    /// <summary>Whole rupiah as typed: 5000000, 5.000.000 or Rp 5.000.000.</summary>
    public long? Rupiah(string field)
    {
        var text = Required(field);
        if (text is null)
        {
            return null;
        }

        var cleaned = text.Replace("Rp", string.Empty, StringComparison.OrdinalIgnoreCase).Replace(".", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal);
        if (cleaned.EndsWith(",00", StringComparison.Ordinal))
        {
            cleaned = cleaned[..^3];
        }

        if (long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            if (Money.Rupiah.CheckWage(amount) is { } error)
            {
                Fail(field, error);
                return null;
            }

            return amount;
        }

        Fail(field, Wording.Of($"{Wording.OfName(field)} harus bilangan bulat rupiah, misalnya 5000000 atau 5.000.000."));
        return null;
    }

    /// <summary>One of a fixed set of choices (case-insensitive, several spellings each).</summary>
    public T? Choice<T>(string field, bool required, params (T Value, string[] Spellings)[] choices)
        where T : struct
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        foreach (var (value, spellings) in choices)
        {
            if (spellings.Any(s => string.Equals(s, text, StringComparison.OrdinalIgnoreCase)))
            {
                return value;
            }
        }

        Fail(field, Wording.Of($"{Wording.OfName(field)} harus salah satu dari: {string.Join(", ", choices.Select(c => c.Spellings[0]))}."));
        return null;
    }

    /// <summary>Parses with an identifier's own TryParse; its Indonesian message goes to the field.</summary>
    public T? Parse<T>(string field, bool required, TryParser<T> parse)
        where T : struct
    {
        var text = required ? Required(field) : Text(field);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value, out var error))
        {
            return value;
        }

        Fail(field, error);
        return null;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

public delegate bool TryParser<T>(string? input, out T value, out string error);
