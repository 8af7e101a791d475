using Directive58.Dashboard.Export;
using Directive58.Dashboard.Network;
using Directive58.Dashboard.Overview;
using Directive58.Dashboard.Periodic;
using Directive58.Dashboard.Reports;
using Directive58.Dashboard.Search;
using DocumentFormat.OpenXml.Packaging;

namespace Directive58.EndToEnd.Tests.Dashboard;

/// <summary>The pages' logic without a host: folding, scores, sparklines, trends, the network, periods, explanations, exports.</summary>
public sealed class LogicTests
{
    [Theory]
    [InlineData("Công ty NỢ LƯƠNG 2 tháng", "cong ty no luong 2 thang")]
    [InlineData("Đình công ở xưởng Đông Anh", "dinh cong o xuong dong anh")]
    [InlineData("ngộ độc bữa ăn ca", "ngo doc bua an ca")]
    public void Folding_removes_diacritics_and_maps_d_with_stroke(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Search_terms_are_folded_words_without_query_syntax() =>
        Assert.Equal(["no", "luong", "or", "x"], TextFolding.Terms("Nợ \"lương\" OR* x:"));

    [Theory]
    [InlineData(0, 0, null, 0, "none")]
    [InlineData(2, 0, null, 2, "low")]
    [InlineData(1, 1, "watch", 5, "elevated")]
    [InlineData(0, 1, "alarm", 9, "critical")]
    public void Risk_scores_weigh_critical_reports_and_open_hot_spots(long elevated, long critical, string? level, double score, string band)
    {
        Assert.Equal(score, RiskScore.Of(elevated, critical, level));
        Assert.Equal(band, RiskScore.Band(score));
    }

    [Fact]
    public void A_sparkline_spans_the_box_with_its_peak_at_the_top()
    {
        Assert.Equal("0,22 60,2 120,12", Sparkline.Points([0, 4, 2]));
        Assert.Equal([0, 3, 0, 1], Sparkline.Daily(new Dictionary<string, long> { ["2026-03-02"] = 3, ["2026-03-04"] = 1, ["2026-02-01"] = 9 }, new DateOnly(2026, 3, 4), 4));
    }

    [Fact]
    public void The_topic_trend_buckets_days_into_weeks_ending_today()
    {
        var today = new DateOnly(2026, 3, 14);
        var trend = TopicTrend.Weekly([("2026-03-14", "wages", 2), ("2026-03-08", "wages", 1), ("2026-03-07", "wages", 5), ("2026-03-01", "safety_health", 1), ("2026-01-01", "wages", 9)], today, 2);
        Assert.Equal(["01/03", "08/03"], trend.WeekLabels);
        Assert.Equal("wages", trend.Series[0].Topic);
        Assert.Equal([5, 3], trend.Series[0].Counts);
        Assert.Equal([1, 0], trend.Series[1].Counts);
    }

    [Fact]
    public void A_union_whose_collaborators_fell_silent_for_30_days_is_flagged_and_coverage_gaps_are_listed()
    {
        var now = new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero);
        var picture = CollaboratorNetwork.Build(
            [new("W1", "Một", "u1", "CĐCS Một"), new("W2", "Hai", "u2", "CĐCS Hai"), new("W3", "Ba", null, null)],
            [new("W1", "ctv-1", now.AddDays(-2)), new("W1", "ctv-2", now.AddDays(-40)), new("W2", "ctv-3", now.AddDays(-31)), new("W3", "ctv-4", now.AddDays(-1))], now);
        var one = picture.Unions.Single(u => u.UnionCode == "u1");
        var two = picture.Unions.Single(u => u.UnionCode == "u2");
        Assert.Equal(2, one.Collaborators.Count);
        Assert.False(one.Silent);
        Assert.True(two.Silent);
        Assert.Equal(["W3"], picture.WithoutUnion.Select(w => w.Code));
        Assert.Empty(picture.WithoutCollaborator);
    }

    [Fact]
    public void Periods_are_months_or_half_years_in_vietnam_time()
    {
        var march = ReportingPeriod.Parse("2026-03")!;
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 17, 0, 0, TimeSpan.Zero), march.Start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(7)), march.End);
        var half = ReportingPeriod.Parse("2026-H2")!;
        Assert.Equal((7, 1), (half.Start.Month, half.End.Month));
        Assert.Null(ReportingPeriod.Parse("2026-13"));
        Assert.Null(ReportingPeriod.Parse("drop table"));
        Assert.Equal("2026-02", ReportingPeriod.LastMonth(new DateTimeOffset(2026, 2, 28, 18, 0, 0, TimeSpan.Zero)).Id);
        Assert.Equal(["2026-H1", "2026-H1", "2026-H2", "2026-H2"], new[] { "2026-01", "2026-06", "2026-07", "2026-H2" }.Select(p => ReportingPeriod.Parse(p)!.SurveyWave));
        Assert.Equal(2.5, ReportingPeriod.Median([4, 1, 3, 2]));
        Assert.Null(ReportingPeriod.Median([]));
    }

    [Fact]
    public void The_explanation_is_read_strongest_first_and_a_foreign_format_gives_nothing()
    {
        var reasons = Explanation.Parse("""[{"Feature":"no luong","Label":"wages","Weight":0.4},{"feature":"ngung viec","label":"critical","weight":-1.2}]""");
        Assert.Equal(["ngung viec", "no luong"], reasons.Select(r => r.Feature));
        Assert.Empty(Explanation.Parse("{\"not\":\"a list\"}"));
        Assert.Empty(Explanation.Parse("không phải JSON"));
    }

    [Fact]
    public void An_export_writes_vietnamese_csv_with_a_bom_and_an_xlsx_with_numbers_as_numbers()
    {
        var sheet = new Sheet("Báo cáo", ["nội dung", "số"], [["Nợ lương, tháng 10", 3L]]);
        var csv = sheet.ToCsv();
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("\"Nợ lương, tháng 10\",3", System.Text.Encoding.UTF8.GetString(csv));

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(Sheet.ToXlsx(sheet)), false);
        var cells = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        Assert.Equal("Nợ lương, tháng 10", cells[2].InnerText);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, cells[3].DataType!.Value);
        Assert.Equal("3", cells[3].CellValue!.Text);
    }
}
