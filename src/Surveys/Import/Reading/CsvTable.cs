using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Directive58.Surveys.Import.Encodings;

namespace Directive58.Surveys.Import.Reading;

/// <summary>
/// A CSV file read as it streams: the encoding is detected from the first 256 KiB, the delimiter
/// (comma, semicolon, tab) from the header, and a row with broken quoting is reported, not fatal.
/// </summary>
public sealed class CsvTable : ITable
{
    private const int SampleBytes = 256 * 1024;
    private readonly CsvParser _parser;
    private string? _badData;

    public CsvTable(Stream file)
    {
        var sample = new byte[Math.Min(SampleBytes, file.Length)];
        file.ReadExactly(sample);
        file.Position = 0;
        Encoding = TextEncodingDetector.Detect(sample);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = args => _badData ??= $"Dấu ngoặc kép không đúng quy cách / malformed quoting: {Shorten(args.RawRecord)}",
            TrimOptions = TrimOptions.Trim,
        };
        _parser = new CsvParser(TextEncodingDetector.OpenReader(file, Encoding), config);
        Header = _parser.Read() ? _parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToList() : [];
    }

    public string Format => "csv";
    public string Encoding { get; }
    public IReadOnlyList<string> Header { get; }

    public IEnumerable<TableRow> Rows()
    {
        while (true)
        {
            _badData = null;
            string?[] record;
            try
            {
                if (!_parser.Read()) yield break;
                record = _parser.Record!;
            }
            catch (CsvHelperException ex)
            {
                record = [];
                _badData = "Không đọc được dòng / unreadable row: " + ex.Message.Split('\n')[0];
            }
            if (record.All(string.IsNullOrWhiteSpace) && _badData is null) continue;
            yield return new TableRow(_parser.Row, record, _badData);
        }
    }

    private static string Shorten(string raw) => raw.Length <= 80 ? raw.Trim() : raw[..80] + "…";

    public void Dispose() => _parser.Dispose();
}
