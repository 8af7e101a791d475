using System.Security.Cryptography;

namespace Directive58.Surveys.Import;

/// <summary>
/// Copies an upload to a temporary file (deleted on close) while hashing it: the importer needs a
/// seekable stream (workbooks, encoding sniffing) and the hash makes a repeated upload a no-op.
/// </summary>
public sealed class UploadedFile : IAsyncDisposable
{
    private UploadedFile(FileStream stream, string hash, long length) => (Stream, Hash, Length) = (stream, hash, length);

    public FileStream Stream { get; }
    public string Hash { get; }
    public long Length { get; }

    /// <summary>Null when the upload is larger than the limit.</summary>
    public static async Task<UploadedFile?> SaveAsync(Stream source, long limit, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "d58-survey-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit) { await file.DisposeAsync(); return null; }
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        await file.FlushAsync(ct);
        file.Position = 0;
        return new UploadedFile(file, Convert.ToHexStringLower(sha.GetHashAndReset()), total);
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
