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
