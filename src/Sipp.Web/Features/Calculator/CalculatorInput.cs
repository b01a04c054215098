using System.Globalization;
using Sipp.Domain.Periods;
using Sipp.Domain.People;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Domain;

namespace Sipp.Web.Features.Calculator;

/// <summary>Parses the calculator's text inputs (from the form or JSON strings) with the contract's field names.</summary>
public static class CalculatorInput
{
    public static Period? Period(string? text, string field, FieldErrors errors)
    {
        if (Sipp.Domain.Periods.Period.TryParse(text, out var period, out var error))
        {
            return period;
        }

        errors.Add(field, error);
        return null;
    }

    public static Citizenship? Citizenship(string? text, string field, FieldErrors errors)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "WNI":
                return Sipp.Domain.People.Citizenship.Wni;
            case "WNA":
                return Sipp.Domain.People.Citizenship.Wna;
            default:
                errors.Add(field, Wording.Of("Kewarganegaraan harus WNI atau WNA."));
                return null;
        }
    }

    /// <summary>A rupiah amount as people type it: 12000000, 12.000.000 or Rp 12.000.000.</summary>
    public static long? Rupiah(string? text, string field, string label, FieldErrors errors)
    {
        var cleaned = (text ?? string.Empty).Replace("Rp", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (cleaned.Length == 0)
        {
            errors.Add(field, Wording.Of($"{label} wajib diisi."));
            return null;
        }

        if (!long.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(field, Wording.Of($"{label} harus berupa bilangan bulat rupiah, misalnya 12000000 atau 12.000.000."));
            return null;
        }

        return amount;
    }

    public static DateOnly? Date(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, Wording.Of($"{label} wajib diisi."));
            return null;
        }

        if (Sipp.Domain.Periods.TypedDate.TryParse(text, out var date))
        {
            if (Sipp.Domain.Periods.Period.CheckInputDate(date, label) is { } outside)
            {
                errors.Add(field, outside);
                return null;
            }

            return date;
        }

        errors.Add(field, Wording.Of($"{label} harus tanggal yang valid (dd/mm/yyyy)."));
        return null;
    }

    public static int? RiskClass(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var riskClass))
        {
            return riskClass;
        }

        errors.Add(field, Sipp.Domain.Contributions.JkkRiskClass.InvalidMessage);
        return null;
    }
}
