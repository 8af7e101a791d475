using Microsoft.AspNetCore.Http;

namespace Directive58.Registry.Import;

/// <summary>The CSV of an import request: a text/csv body, or the first file of a multipart form.</summary>
internal static class CsvBody
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static async Task<Stream?> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return form.Files.Count == 0 || form.Files[0].Length > MaxBytes ? null : form.Files[0].OpenReadStream();
        }
        var type = request.ContentType ?? "";
        if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)) return null;
        var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }
}
