using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sipp.Domain.Periods;

namespace Sipp.Data;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Stores a period as its text "YYYY-MM", which sorts in time order on every provider.</summary>
internal sealed class PeriodConverter() : ValueConverter<Period, string>(
    v => v.ToString(),
    v => Period.Parse(v, "periode"));
