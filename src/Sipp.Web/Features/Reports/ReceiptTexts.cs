using System.Globalization;
using Sipp.Web.Infrastructure;

namespace Sipp.Web.Features.Reports;

/// <summary>How a receipt writes dates and times: Indonesian, Western Indonesia Time.</summary>
public static class ReceiptTexts
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Jakarta(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), JakartaTime.Zone).ToString("d MMMM yyyy HH.mm", Indonesian) + " WIB";
}
