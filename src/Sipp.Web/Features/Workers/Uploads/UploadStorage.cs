using Microsoft.Extensions.Options;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>Configuration section "Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Where uploaded files wait between check and import (relative to the content root).</summary>
    public string Folder { get; set; } = "data/uploads";

    /// <summary>Data rows one upload may hold (product.md: 100,000).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Columns any row may have (the templates have at most about 20).</summary>
    [System.ComponentModel.DataAnnotations.Range(10, 1_000)]
    public int MaxColumns { get; set; } = 100;

    /// <summary>Cells a file may hold: 100,000 rows of 30 columns.</summary>
    [System.ComponentModel.DataAnnotations.Range(1_000, 100_000_000)]
    public long MaxCells { get; set; } = 3_000_000;

    /// <summary>Characters of text an .xlsx's shared strings may hold together (held in memory while it is read).</summary>
    [System.ComponentModel.DataAnnotations.Range(1_000, 1_000_000_000)]
    public long MaxTextCharacters { get; set; } = 50_000_000;

    /// <summary>Uploads checked at once on each node; one company's uploads are checked one at a time.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 16)]
    public int CheckWorkers { get; set; } = 2;

    public Sipp.Web.Infrastructure.Files.SheetLimits Limits => new(MaxColumns, MaxCells, MaxTextCharacters);
}

/// <summary>Keeps uploaded files on disk under names Sipp chooses (the user's file name is never a path).</summary>
public sealed class UploadStorage(IOptions<UploadOptions> options, IHostEnvironment environment)
{
    private string Folder => Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    public string PathOf(Guid batchId)
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, batchId.ToString("N") + ".upload");
    }

    public async Task SaveAsync(Guid batchId, Stream content, CancellationToken cancellationToken)
    {
        await using var file = File.Create(PathOf(batchId));
        await content.CopyToAsync(file, cancellationToken);
    }

    public void Delete(Guid batchId) => File.Delete(PathOf(batchId));
}
