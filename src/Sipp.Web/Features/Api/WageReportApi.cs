using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Sipp.Domain;
using Sipp.Web.Features.Workers.ReportWages;
using Sipp.Web.Features.Workers.Uploads;
using Sipp.Web.Infrastructure.Problems;
using Sipp.Web.Infrastructure.Security;

namespace Sipp.Web.Features.Api;

/// <summary>
/// <c>PUT /api/v1/divisi/{divisi}/laporan-upah/{periode}</c>: the payroll's whole list for a period, reconciled with Sipp
/// (<see cref="WageReport"/>); a dry run unless <c>?terapkan=true</c>, which applies the wage changes all or none.
/// </summary>
public static class WageReportApi
{
    /// <summary>100,000 lines of about 100 bytes, with room.</summary>
    public const long MaxBodyBytes = 20L * 1024 * 1024;

    public static void Map(RouteGroupBuilder divisions) =>
        divisions.MapPut("/{divisi}/laporan-upah/{periode}", ReportAsync)
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.WriteWorkers))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("LaporUpah").WithSummary("Lapor Upah: seluruh daftar gaji satu periode, direkonsiliasi (?terapkan=true menerapkan perubahannya)");

    private static async Task<IResult> ReportAsync(
        string divisi, string periode, bool? terapkan, HttpContext context, ApiCaller caller, WageReport report, CancellationToken cancellationToken)
    {
        if (await caller.DivisionAsync(divisi, cancellationToken) is null)
        {
            return WorkersApi.NoDivision();
        }

        var lines = await ReadAsync(context.Request, cancellationToken);
        if (lines.Refusal is { } unreadable)
        {
            return unreadable.ToProblem();
        }

        var user = context.User;
        var actor = new Actor(Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!), user.DisplayName(), context.Connection.RemoteIpAddress?.ToString());
        var result = await report.ReconcileAsync(periode, lines.Value!, terapkan == true, actor, cancellationToken);
        return result.Refusal is { } refusal ? ApiFields.Named(refusal).ToProblem() : TypedResults.Ok(Json(result.Value!));
    }

    /// <summary><c>{"baris": [{"kpj" | "nomorPegawai", "upah", "mulai"?, "berhenti"?}, …]}</c>; a line is numbered from 1 in the list's order.</summary>
    private static async Task<Result<IReadOnlyList<ReportedWage>>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiFields.ObjectAsync(request, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        using (var document = body.Value!)
        {
            if (!document.RootElement.TryGetProperty("baris", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                return Refusal.Field("baris", Wording.Of("Kirim daftar upah sebagai objek JSON dengan kolom baris berisi array."));
            }

            var lines = new List<ReportedWage>(rows.GetArrayLength());
            var number = 0;
            foreach (var row in rows.EnumerateArray())
            {
                number++;
                if (row.ValueKind != JsonValueKind.Object)
                {
                    return Refusal.Field("baris", Wording.Of($"Baris {number} harus berupa objek JSON."));
                }

                lines.Add(new ReportedWage(number, Text(row, "kpj"), Text(row, "nomorPegawai"), Text(row, "upah"), Text(row, "mulai"), Text(row, "berhenti")));
            }

            return lines;
        }
    }

    private static string? Text(JsonElement row, string name) => row.TryGetProperty(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        }
        : null;

    private static object Json(WageReconciliation r) => new
    {
        periode = r.Period.ToString(), jumlahBaris = r.Rows, tidakBerubah = r.Unchanged,
        perubahanUpah = r.Changes.Select(c => new { baris = c.Row, kpj = c.Kpj, nomorPegawai = c.EmployeeNumber, nama = c.Name, upahLama = c.Before, upahBaru = c.After }),
        // A joiner's wage as reported, in rupiah (null when it is not a whole number: it is checked when the worker is enrolled).
        belumTerdaftar = r.NotEnrolled.Select(l => new
        {
            baris = l.Row, kpj = l.Kpj, nomorPegawai = l.EmployeeNumber, upah = long.TryParse(l.Upah, NumberStyles.None, CultureInfo.InvariantCulture, out var upah) ? upah : (long?)null, mulai = l.Start,
        }),
        tidakAdaDiPenggajian = r.Absent.Select(a => new { kpj = a.Kpj, nomorPegawai = a.EmployeeNumber, nama = a.Name }),
        dilaporkanBerhenti = r.ReportedLeaving.Select(l => new { baris = l.Row, kpj = l.Kpj, nomorPegawai = l.EmployeeNumber, berhenti = l.End }),
        ditolak = r.Refused.Select(x => new { baris = x.Row, errors = ApiFields.Named(new Refusal(RefusalKind.Invalid, x.Errors)).Errors }),
        diterapkan = r.Applied,
    };
}
