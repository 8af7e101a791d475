using System.Globalization;
using Directive58.Alerts.Detection;
using static Directive58.Alerts.Tests.Detection.EarsHand;

namespace Directive58.Alerts.Tests.Detection;

public class EarsCommandTests
{
    private static string Series(params int[] counts) =>
        string.Join("\n", counts.Select((c, i) => $"{new DateOnly(2025, 1, 1).AddDays(i):yyyy-MM-dd},{c}"));

    private static async Task<(int ExitCode, string[] Output, string Error)> Run(string input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter();
        var exitCode = await EarsCommand.RunAsync(args, new StringReader(input), output, error);
        return (exitCode, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Fact]
    public async Task It_writes_a_header_then_one_line_per_full_baseline_day_with_six_decimals()
    {
        var (exitCode, output, _) = await Run("date,count\n" + Series(2, 4, 3, 5, 1, 3, 3, 9, 0), "--method", "C1");

        Assert.Equal(0, exitCode);
        // Day 8: U = 3 + 3.090232·sqrt(10/6) = 6.989473 (EarsC1Tests); 9 > U.
        // Day 9: baseline 4,3,5,1,3,3,9: mean 4, squared deviations 0+1+1+9+1+1+25 = 38,
        // U = 4 + 3.090232·sqrt(38/6) = 11.776914.
        Assert.Equal(
            ["date,count,upperbound,alarm", "2025-01-08,9,6.989473,1", "2025-01-09,0,11.776914,0"],
            output);
        Assert.Equal(11.776914, 4 + Z999 * Math.Sqrt(38.0 / 6), Tolerance);
    }

    [Fact]
    public async Task Numbers_use_a_dot_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("vi-VN"); // decimal comma
        try
        {
            var (_, output, _) = await Run(Series(0, 0, 0, 0, 0, 0, 0, 0), "--method", "C1");
            Assert.Equal("2025-01-08,0,1.545116,0", output[1]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task The_header_line_is_optional_and_blank_lines_are_ignored()
    {
        var input = "\n" + Series(0, 0, 0, 0, 0, 0, 0, 2).Replace("\n2025-01-04", "\n\n  \n2025-01-04") + "\n\n";

        var (exitCode, output, _) = await Run(input, "--method", "c1", "--baseline", "7");

        Assert.Equal(0, exitCode);
        Assert.Equal(["date,count,upperbound,alarm", "2025-01-08,2,1.545116,1"], output);
    }

    [Theory]
    [InlineData("2025-01-01,0\n2025-01-02,x\n", "line 2")]
    [InlineData("date,count\n2025-01-01,0\n2025-01-02,-1\n", "line 3")]
    [InlineData("2025-01-01;0\n", "line 1")]
    [InlineData("01/01/2025,0\n", "line 1")]
    [InlineData("2025-01-01,0\n2025-01-03,0\n", "line 2")]
    public async Task A_bad_line_is_reported_on_stderr_with_its_number_and_fails(string input, string where)
    {
        var (exitCode, output, error) = await Run(input, "--method", "C2");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith(where + ":", error);
    }

    [Theory]
    [InlineData("--method", "C2", "--window", "7")]
    [InlineData("--baseline", "7")]
    [InlineData("--method", "C4")]
    [InlineData("--method")]
    [InlineData("--method", "C1", "--alpha", "1.5")]
    [InlineData("--method", "C1", "--baseline", "2")]
    [InlineData("--method", "C1", "--min-sigma", "-1")]
    public async Task Bad_usage_prints_the_usage_on_stderr_and_exits_with_2(params string[] args)
    {
        var (exitCode, output, error) = await Run(Series(new int[12]), args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("usage: ears --method C1|C2|C3", error);
    }

    [Fact]
    public async Task A_series_too_short_for_any_baseline_gives_only_the_header_and_a_note()
    {
        var (exitCode, output, error) = await Run(Series(new int[9]), "--method", "C2");

        Assert.Equal(0, exitCode);
        Assert.Equal(["date,count,upperbound,alarm"], output);
        Assert.Contains("needs at least 10 days", error);
    }

    [Fact]
    public async Task Options_reach_the_detector()
    {
        var (_, output, _) = await Run(Series(1, 2, 3, 4), "--method", "C1", "--baseline", "3", "--alpha", "0.025", "--min-sigma", "0");

        // Baseline 1,2,3: mean 2, sd 1; U = 2 + 1.959964 = 3.959964 < 4.
        Assert.Equal("2025-01-04,4,3.959964,1", output[1]);
    }
}
