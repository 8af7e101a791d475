using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Directive58.Dashboard.Export;

/// <summary>
/// A table for download: a header row and rows of text or numbers, written as CSV (UTF-8 with a BOM,
/// so spreadsheet programs read Vietnamese correctly) or as an XLSX workbook (Open XML SDK, one
/// sheet per table, numbers stored as numbers).
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public byte[] ToCsv()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in Header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in Rows)
            {
                foreach (var cell in row) csv.WriteField(Format(cell));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] ToXlsx(params Sheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.AppendChild(RowOf(sheet.Header.Cast<object?>()));
                foreach (var row in sheet.Rows) data.AppendChild(RowOf(row));
                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet
                {
                    Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name.Length > 31 ? sheet.Name[..31] : sheet.Name,
                });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row RowOf(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.AppendChild(cell switch
            {
                int or long or double or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(cell, CultureInfo.InvariantCulture)!) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Format(cell)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }
        return row;
    }

    private static string Format(object? cell) => cell switch
    {
        null => "",
        DateTimeOffset at => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
