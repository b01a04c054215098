using System.IO.Compression;
using System.Text.Json;
using Sipp.Data.Audit;

namespace Sipp.Web.Infrastructure.Audit;

/// <summary>
/// How an archived month of the audit trail is stored: gzip-compressed JSON Lines, one event per line. The parts of a
/// month are gzip members, so the month downloaded as their concatenation reads as one stream in any gzip reader.
/// </summary>
public static class AuditArchiveFormat
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Compress(IEnumerable<AuditEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            foreach (var audit in events)
            {
                JsonSerializer.Serialize(gzip, audit, Json);
                gzip.WriteByte((byte)'\n');
            }
        }

        return buffer.ToArray();
    }

    public static IEnumerable<AuditEvent> Read(Stream gzipped)
    {
        using var reader = new StreamReader(new GZipStream(gzipped, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return JsonSerializer.Deserialize<AuditEvent>(line, Json)!;
        }
    }
}
