using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Directive58.Surveys.Tests.Support;

/// <summary>Survey files made by the tests themselves: CSV text in any encoding, and XLSX workbooks written with OpenXml.</summary>
public static class SurveyFiles
{
    public const string TemplateHeader = "workplaceCode,wave,pay,hours,safety,meals,housing,managers,union,stay,wishes,complaints";

    /// <summary>A template-layout row; the scores go to pay…stay in order.</summary>
    public static string Row(string workplace, string wave, int[] scores, string wishes = "", string complaints = "") =>
        $"{workplace},{wave},{string.Join(",", scores)},{Quote(wishes)},{Quote(complaints)}";

    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static byte[] Utf8(string text, bool bom = false) => (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    public static string Quote(string s) => s.Length == 0 ? "" : "\"" + s.Replace("\"", "\"\"") + "\"";

    public static byte[] Xlsx(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                var r = new Row();
                foreach (var value in row)
                {
                    r.Append(value switch
                    {
                        null => new Cell(),
                        int or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(value)) },
                        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!)) },
                    });
                }
                data.Append(r);
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Phản hồi" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
