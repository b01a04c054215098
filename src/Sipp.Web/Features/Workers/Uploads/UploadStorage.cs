using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sipp.Data;
using Sipp.Data.Uploads;

namespace Sipp.Web.Features.Workers.Uploads;

/// <summary>Configuration section "Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Where this node keeps its short-lived local copies of uploads while reading them (relative to the content root).</summary>
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

/// <summary>
/// Keeps uploaded files in the database (<see cref="UploadContent"/>), so that any node checks, imports or hands back a
/// file whichever node received it. A file is read from a node-local copy in <see cref="UploadOptions.Folder"/> (the
/// readers need a seekable file), made for one use under a name Sipp chooses and deleted after it.
/// </summary>
public sealed class UploadStorage(SippDbContext db, IOptions<UploadOptions> options, IHostEnvironment environment)
{
    public string Folder => Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    /// <summary>A local copy of a file arriving, to inspect before anything is recorded.</summary>
    public async Task<UploadCopy> ReceiveAsync(Stream content, CancellationToken cancellationToken)
    {
        var copy = NewCopy();
        try
        {
            await using var file = File.Create(copy.Path);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }

        return copy;
    }

    /// <summary>Adds the file to the context for its batch; it is stored by the caller's save, with the batch.</summary>
    public async Task KeepAsync(Guid batchId, UploadCopy copy, CancellationToken cancellationToken) =>
        db.UploadContents.Add(new UploadContent { BatchId = batchId, Content = await File.ReadAllBytesAsync(copy.Path, cancellationToken) });

    /// <summary>A local copy of a stored file to read; null when it is gone (imported, refused or cancelled).</summary>
    public async Task<UploadCopy?> OpenAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var content = await db.UploadContents.AsNoTracking().Where(c => c.BatchId == batchId).Select(c => c.Content).SingleOrDefaultAsync(cancellationToken);
        if (content is null)
        {
            return null;
        }

        var copy = NewCopy();
        await File.WriteAllBytesAsync(copy.Path, content, cancellationToken);
        return copy;
    }

    public Task<bool> ExistsAsync(Guid batchId, CancellationToken cancellationToken) =>
        db.UploadContents.AnyAsync(c => c.BatchId == batchId, cancellationToken);

    /// <summary>Drops a file once its batch needs it no more (inside the caller's transaction, if any).</summary>
    public Task DeleteAsync(Guid batchId, CancellationToken cancellationToken) =>
        db.UploadContents.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);

    private UploadCopy NewCopy()
    {
        Directory.CreateDirectory(Folder);
        return new UploadCopy(Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".upload"));
    }
}

/// <summary>A node-local copy of an upload for one use; disposing deletes it.</summary>
public sealed class UploadCopy(string path) : IAsyncDisposable
{
    public string Path { get; } = path;

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
