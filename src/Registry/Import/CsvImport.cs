using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Directive58.Registry.Editing;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Registry.Import;

/// <summary>
/// Imports a CSV file of one registry kind (header row with the API's field names, `tax_code` and
/// `taxCode` both accepted; UTF-8, comma or semicolon). Rows are written in one transaction; a row
/// that does not parse or validate is skipped and reported with its line number and its fields.
/// </summary>
public static class CsvImport
{
    public const int MaxRows = 50_000;

    public static async Task<BatchResult> ImportAsync<T>(Database database, Stream csv, CancellationToken ct) where T : class, IRegistryRecord<T>
    {
        using var reader = new StreamReader(csv, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rows = new List<(int Row, T Entry)>();
        var unreadable = new List<RowError>();
        using (var parser = new CsvReader(reader, Configuration()))
        {
            parser.Context.TypeConverterOptionsCache.GetOptions<string>().NullValues.Add("");
            parser.Context.TypeConverterOptionsCache.GetOptions<Guid?>().NullValues.Add("");
            if (!await parser.ReadAsync() || !parser.ReadHeader())
                return new BatchResult(0, [new RowError(1, null, new Dictionary<string, string[]> { ["header"] = ["Tệp trống hoặc thiếu dòng tiêu đề. The file is empty or has no header row."] })]);
            while (await parser.ReadAsync())
            {
                var line = parser.Parser.Row;
                if (rows.Count + unreadable.Count >= MaxRows)
                {
                    unreadable.Add(new RowError(line, null, new Dictionary<string, string[]> { ["file"] = [$"Tối đa {MaxRows} dòng mỗi tệp. At most {MaxRows} rows per file."] }));
                    break;
                }
                try
                {
                    rows.Add((line, parser.GetRecord<T>()));
                }
                catch (CsvHelperException ex) when (ex is CsvHelper.TypeConversion.TypeConverterException or CsvHelper.MissingFieldException or ReaderException)
                {
                    var field = ex is CsvHelper.TypeConversion.TypeConverterException tce ? tce.MemberMapData?.Member?.Name ?? "row" : "row";
                    unreadable.Add(new RowError(line, null, new Dictionary<string, string[]> { [field] = [$"Không đọc được giá trị. Cannot read this value: {FirstLine(ex.Message)}"] }));
                }
            }
        }
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var result = await RegistryWriter.WriteAsync(connection, tx, rows);
        await tx.CommitAsync(ct);
        return new BatchResult(result.Written, [.. unreadable.Concat(result.Rejected).OrderBy(e => e.Row)]);
    }

    private static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        // `tax_code`, `Tax Code` and `taxCode` all name the property TaxCode.
        PrepareHeaderForMatch = args => args.Header.Replace("_", "").Replace(" ", "").ToLowerInvariant(),
        DetectDelimiter = true,
        HeaderValidated = null,
        MissingFieldFound = null,
        TrimOptions = TrimOptions.Trim,
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
