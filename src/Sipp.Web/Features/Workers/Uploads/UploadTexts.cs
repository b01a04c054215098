using Microsoft.Extensions.Localization;
using Sipp.Data.Uploads;

namespace Sipp.Web.Features.Workers.Uploads;

public static class UploadTexts
{
    public static string State(UploadState state) => state switch
    {
        UploadState.Diperiksa => "Sedang diperiksa",
        UploadState.Ditolak => "Ditolak",
        UploadState.SiapImpor => "Siap diimpor",
        UploadState.Diimpor => "Sudah diimpor",
        UploadState.Dibatalkan => "Dibatalkan",
        _ => state.ToString(),
    };

    /// <summary>The progress of a check as the page's label and the progress answer say it: "n dari m baris diperiksa", or "n baris diperiksa" while the size is unknown.</summary>
    public static string Progress(IStringLocalizer localizer, int checkedRows, int totalRows)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        return totalRows > 0
            ? localizer["{0} dari {1} baris diperiksa", checkedRows.ToString("#,0", culture), totalRows.ToString("#,0", culture)]
            : localizer["{0} baris diperiksa", checkedRows.ToString("#,0", culture)];
    }
}
