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
}
