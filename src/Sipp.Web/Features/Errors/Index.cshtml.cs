using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sipp.Web.Features.Errors;

/// <summary>Indonesian pages for error status codes of page requests (the API answers problem details instead).</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }

    public string Title => Code switch
    {
        400 => "Permintaan tidak valid",
        403 => "Akses ditolak",
        404 => "Halaman tidak ditemukan",
        405 => "Cara akses tidak diizinkan",
        429 => "Terlalu banyak permintaan",
        _ => "Terjadi kesalahan",
    };

    public string Explanation => Code switch
    {
        400 => "Permintaan tidak dapat diproses. Bila Anda mengirim formulir, muat ulang halaman lalu coba lagi.",
        403 => "Anda tidak memiliki hak untuk membuka halaman ini.",
        404 => "Alamat yang Anda buka tidak ada atau sudah dipindahkan.",
        429 => "Anda mengirim terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.",
        _ => "Maaf, terjadi kesalahan. Coba lagi beberapa saat lagi.",
    };

    public void OnGet(int code) => Code = code;
}
