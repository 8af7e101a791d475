using Directive58.Surveys.Statistics;

namespace Directive58.Surveys.Tests.Statistics;

public sealed class CommentGroupsTests
{
    private static IEnumerable<CommentGroups.Comment> Of(string? topic, int n) =>
        Enumerable.Range(0, n).Select(i => new CommentGroups.Comment("wishes", $"{topic} {i}", topic, "low"));

    [Fact]
    public void Topics_with_five_or_more_comments_are_their_own_groups_and_smaller_ones_pool_as_other()
    {
        var groups = CommentGroups.Build([.. Of("wages", 7), .. Of("working_time", 5), .. Of("safety_health", 3), .. Of(null, 2)]);

        Assert.Equal([["wages"], ["working_time"], ["other"]], groups.Select(g => g.Topics));
        Assert.Equal(5, groups[2].Comments.Count);
    }

    [Fact]
    public void A_pool_of_fewer_than_five_joins_the_smallest_shown_topic()
    {
        var groups = CommentGroups.Build([.. Of("wages", 9), .. Of("living_conditions", 6), .. Of("union_relations", 2)]);

        Assert.Equal([["wages"], ["living_conditions", "other"]], groups.Select(g => g.Topics));
        Assert.All(groups, g => Assert.True(g.Comments.Count >= 5));
    }

    [Fact]
    public void Fewer_than_five_comments_in_all_show_nothing()
    {
        Assert.Empty(CommentGroups.Build([.. Of("wages", 4)]));
    }
}
