using Dapper;
using Directive58.Classifier.Learning;
using Directive58.Contracts;

namespace Directive58.Classifier.Tests.Learning;

public sealed class RelabellingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_correction_is_kept_as_training_data_and_the_latest_one_wins()
    {
        await using var store = await LearningStore.CreateAsync();
        var id = Guid.NewGuid();
        await store.AddReportAsync(id, "Cty no luong 2 thang, [SĐT] de lien he");

        Assert.Equal(Relabelling.Result.Stored, await Relabelling.StoreAsync(store.Database, new RelabelReport(id, "wages", "low", "hoa", Monday), default));
        Assert.Equal(Relabelling.Result.Stored, await Relabelling.StoreAsync(store.Database, new RelabelReport(id, "wages", "elevated", "lan", Monday.AddHours(1)), default));

        await using var connection = await store.Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string Text, string Risk, string By)>("select text, risk, labelled_by from training_labels")).ToList();
        Assert.Equal([("Cty no luong 2 thang, [SĐT] de lien he", "elevated", "lan")], rows);
    }

    [Theory]
    [InlineData("salary", "low")]
    [InlineData("wages", "high")]
    public async Task Labels_outside_the_taxonomy_are_refused(string topic, string risk)
    {
        await using var store = await LearningStore.CreateAsync();
        var id = Guid.NewGuid();
        await store.AddReportAsync(id, "abc");
        Assert.Equal(Relabelling.Result.InvalidLabels, await Relabelling.StoreAsync(store.Database, new RelabelReport(id, topic, risk, "hoa", Monday), default));
    }

    [Fact]
    public async Task A_correction_of_an_unknown_report_is_refused()
    {
        await using var store = await LearningStore.CreateAsync();
        Assert.Equal(Relabelling.Result.UnknownReport, await Relabelling.StoreAsync(store.Database, new RelabelReport(Guid.NewGuid(), "wages", "low", "hoa", Monday), default));
    }
}
