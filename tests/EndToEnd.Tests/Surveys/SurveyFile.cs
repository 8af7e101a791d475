using System.Net.Http.Headers;
using System.Text;

namespace Directive58.EndToEnd.Tests.Surveys;

/// <summary>Survey uploads as a machine client sends them.</summary>
public static class SurveyFile
{
    public const string Header = "workplaceCode,wave,pay,hours,safety,meals,housing,managers,union,stay,wishes,complaints";

    public static string Rows(string workplace, string wave, int count, int pay, string? wish = null) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"{workplace},{wave},{pay},{1 + i % 5},3,3,3,3,3,4,{(i == 0 && wish is not null ? "\"" + wish + "\"" : "")},\r\n"));

    public static MultipartFormDataContent Multipart(string csv, string fileName = "khao-sat.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
