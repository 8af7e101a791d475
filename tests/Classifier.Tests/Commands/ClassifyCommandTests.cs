using System.Text.Json;
using Directive58.Classifier.Commands;
using Directive58.Classifier.Tests.Model;
using Directive58.Contracts;

namespace Directive58.Classifier.Tests.Commands;

public class ClassifyCommandTests(TrainedModelFixture model) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public async Task Each_valid_line_gets_one_output_line_with_its_id_and_bad_lines_are_reported_and_skipped()
    {
        var input = string.Join('\n',
            """{"id":"r-1","text":"Công nhân ngừng việc tập thể vì nợ lương"}""",
            """{"id":"r-2","text": broken""",
            """{"id":42,"text":"em hỏi riêng về tăng ca"}""",
            """{"id":"r-4"}""",
            "",
            """{"id":"r-6","text":"cty sa thai, nhieu anh em buc xuc","voice":"social"}""",
            """["not","an","object"]""");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exitCode = await ClassifierCommands.RunAsync(["classify", "--model", model.ModelPath], new StringReader(input), stdout, stderr);

        Assert.Equal(0, exitCode);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["\"r-1\"", "42", "\"r-6\""], lines.Select(l => l.GetProperty("id").GetRawText()));
        Assert.All(lines, line =>
        {
            Assert.Contains(line.GetProperty("topic").GetString(), Taxonomy.Topics);
            Assert.Contains(line.GetProperty("risk").GetString(), Taxonomy.Risks);
            Assert.Equal(Taxonomy.Topics, line.GetProperty("topicScores").EnumerateObject().Select(p => p.Name));
            Assert.Equal(Taxonomy.Risks, line.GetProperty("riskScores").EnumerateObject().Select(p => p.Name));
        });
        Assert.Equal(("wages", "critical"), (lines[0].GetProperty("topic").GetString(), lines[0].GetProperty("risk").GetString()));
        var errors = stderr.ToString();
        Assert.Contains("line 2:", errors);
        Assert.Contains("line 4:", errors);
        Assert.Contains("line 7:", errors);
        Assert.DoesNotContain("line 1:", errors);
        Assert.DoesNotContain("line 5:", errors);
    }

    [Fact]
    public async Task A_missing_model_file_fails_with_a_message_instead_of_output()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exitCode = await ClassifierCommands.RunAsync(["classify", "--model", "/nonexistent/model.d58model"],
            new StringReader("""{"id":"a","text":"x"}"""), stdout, stderr);

        Assert.NotEqual(0, exitCode);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("model.d58model", stderr.ToString());
    }
}
