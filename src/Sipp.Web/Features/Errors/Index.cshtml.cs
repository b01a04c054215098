using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipp.Domain;

namespace Sipp.Web.Features.Errors;

/// <summary>
/// Indonesian pages for error status codes and unexpected errors of page requests (the API answers problem details
/// instead). Re-executed with the failed request's method, so it answers a POST as well, without an antiforgery check.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        400 => Wording.Of("Permintaan tidak valid"),
        403 => Wording.Of("Akses ditolak"),
        404 => Wording.Of("Halaman tidak ditemukan"),
        405 => Wording.Of("Cara akses tidak diizinkan"),
        413 => Wording.Of("Data yang dikirim terlalu besar"),
        429 => Wording.Of("Terlalu banyak permintaan"),
        _ => Wording.Of("Terjadi kesalahan"),
    };

    public string Explanation => Code switch
    {
        400 => Wording.Of("Permintaan tidak dapat diproses. Bila Anda mengirim formulir, muat ulang halaman lalu coba lagi."),
        403 => Wording.Of("Anda tidak memiliki hak untuk membuka halaman ini."),
        404 => Wording.Of("Alamat yang Anda buka tidak ada atau sudah dipindahkan."),
        413 => Wording.Of("Data yang Anda kirim melebihi batas yang diizinkan."),
        429 => Wording.Of("Anda mengirim terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar lalu coba lagi."),
        _ => Wording.Of("Maaf, terjadi kesalahan. Coba lagi beberapa saat lagi."),
    };

    // The code is read from the route, not bound: binding a re-executed POST would read its (perhaps too large) form.
    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private IActionResult Show()
    {
        Code = int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : StatusCodes.Status500InternalServerError;
        // An upload over the request limit is refused before its form can be read (Kestrel's 413, or the antiforgery
        // check's 400): it gets the same refusal as any file over 20 MB, on the upload page.
        if (Code is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge
            && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } status && IsUpload(status.OriginalPath)
            && Request.ContentLength > Workers.Uploads.UploadReception.MaxRequestBytes)
        {
            return Redirect("/tenaga-kerja/upload?ditolak=ukuran");
        }

        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failure)
        {
            if (TooLarge(failure.Error) && IsUpload(failure.Path))
            {
                return Redirect("/tenaga-kerja/upload?ditolak=ukuran");
            }

            Code = TooLarge(failure.Error) ? StatusCodes.Status413PayloadTooLarge : failure.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            Response.StatusCode = Code;
        }

        return Page();
    }

    private static bool IsUpload(string path) => path.Equals("/tenaga-kerja/upload", StringComparison.OrdinalIgnoreCase);

    /// <summary>A body over the request limit, as Kestrel or the form reader reports it.</summary>
    private static bool TooLarge(Exception error) =>
        error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (error is InvalidDataException && error.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        || (error.InnerException is { } inner && TooLarge(inner));
}
