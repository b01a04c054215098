using System.Globalization;

namespace Sipp.Web.Features.Reports;

/// <summary>How a receipt writes its dates: in Indonesian.</summary>
public static class ReceiptTexts
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
}
