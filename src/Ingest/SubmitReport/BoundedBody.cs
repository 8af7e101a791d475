namespace Directive58.Ingest.SubmitReport;

/// <summary>Reads a request body up to a limit, so a chunked or lying client cannot make us buffer more.</summary>
internal static class BoundedBody
{
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
