using Dapper;
using Directive58.Contracts;
using Directive58.Surveys.Import;
using Directive58.Surveys.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.Surveys.Tests.Import;

public sealed class CommentsToClassifierTests : IAsyncLifetime
{
    private readonly SurveyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private static byte[] File() => SurveyFiles.Utf8(SurveyFiles.Csv(
        SurveyFiles.TemplateHeader,
        SurveyFiles.Row("BN-005", "2026-H1", [1, 2, 2, 1, 2, 1, 2, 1], "Công ty nợ lương hai tháng, anh em định ngừng việc", "Liên hệ tôi: 0912345678"),
        SurveyFiles.Row("BN-005", "2026-H1", [3, 3, 3, 3, 3, 3, 3, 3])));

    [Fact]
    public async Task Each_free_text_answer_is_published_as_a_survey_report_that_names_the_wave_not_a_person()
    {
        var outcome = await _host.ImportAsync(File());

        Assert.Equal(2, outcome.Comments);
        var published = _host.Harness.Published.Select<ReportSubmitted>().Select(p => p.Context.Message).ToList();
        Assert.Equal(2, published.Count);
        Assert.All(published, m =>
        {
            Assert.Equal("survey", m.Channel);
            Assert.Equal("survey:2026-H1", m.ReporterRef);
            Assert.Equal("BN-005", m.WorkplaceCode);
        });
        Assert.Contains(published, m => m.Text == "Liên hệ tôi: [SĐT]");
    }

    [Fact]
    public async Task The_same_answer_always_gets_the_same_report_id_so_downstream_stays_deduplicated()
    {
        await using var elsewhere = new SurveyHost();
        await elsewhere.InitializeAsync();

        await _host.ImportAsync(File());
        await elsewhere.ImportAsync(File());

        var here = _host.Harness.Published.Select<ReportSubmitted>().Select(p => p.Context.Message.ReportId).Order().ToList();
        var there = elsewhere.Harness.Published.Select<ReportSubmitted>().Select(p => p.Context.Message.ReportId).Order().ToList();
        Assert.Equal(2, here.Distinct().Count());
        Assert.Equal(here, there);
    }

    [Fact]
    public async Task Comments_whose_publish_was_missed_are_sent_by_the_sweep()
    {
        await _host.ImportAsync(File());
        await using (var connection = await _host.Database.OpenAsync())
            await connection.ExecuteAsync("update survey_comments set published_at = null");
        _host.Clock.Now = _host.Clock.Now.AddMinutes(5);

        await using var scope = _host.Services.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<CommentPublisher>().PublishStragglersAsync(CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Equal(4, _host.Harness.Published.Select<ReportSubmitted>().Count());
        Assert.Equal(2, _host.Harness.Published.Select<ReportSubmitted>().Select(p => p.Context.Message.ReportId).Distinct().Count());
    }
}
