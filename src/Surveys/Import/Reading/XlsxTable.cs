using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Directive58.Surveys.Import.Reading;

/// <summary>The first sheet of an XLSX (or XLS) workbook, read row by row with ExcelDataReader; numbers and dates become invariant text.</summary>
public sealed class XlsxTable : ITable
{
    private readonly IExcelDataReader _reader;
    private int _row;

    static XlsxTable() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public XlsxTable(Stream file)
    {
        _reader = ExcelReaderFactory.CreateReader(file, new ExcelReaderConfiguration { LeaveOpen = true });
        Header = Next() is { } header ? header.Select(h => (h ?? "").Trim()).ToList() : [];
    }

    public string Format => "xlsx";
    public string Encoding => "unicode";
    public IReadOnlyList<string> Header { get; }

    public IEnumerable<TableRow> Rows()
    {
        while (Next() is { } cells)
            if (!cells.All(string.IsNullOrWhiteSpace)) yield return new TableRow(_row, cells);
    }

    private string?[]? Next()
    {
        if (!_reader.Read()) return null;
        _row++;
        var cells = new string?[_reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = _reader.GetValue(i) switch
            {
                null => null,
                double d => d.ToString(CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Normalize(NormalizationForm.FormC).Trim(),
            };
        }
        return cells;
    }

    public void Dispose() => _reader.Dispose();
}
