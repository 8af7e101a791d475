namespace Directive58.Surveys.Statistics;

/// <summary>
/// Groups a unit's free-text answers by the classifier's topic without showing a group of fewer
/// than five: topics with fewer comments are pooled as "other topics", and a pool of one to four
/// joins the smallest shown topic. Fewer than five comments in all are not shown at all.
/// </summary>
public static class CommentGroups
{
    public const string Other = "other";

    public sealed record Comment(string QuestionId, string Text, string? Topic, string? Risk);

    public sealed record Group(IReadOnlyList<string> Topics, IReadOnlyList<Comment> Comments);

    public static IReadOnlyList<Group> Build(IReadOnlyList<Comment> comments)
    {
        if (comments.Count < SmallGroups.Minimum) return [];
        var byTopic = comments.GroupBy(c => c.Topic ?? Other).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var groups = byTopic.Where(g => g.Count() >= SmallGroups.Minimum && g.Key != Other)
            .Select(g => new Group([g.Key], g.ToList())).ToList();
        var pool = byTopic.Where(g => g.Count() < SmallGroups.Minimum || g.Key == Other).SelectMany(g => g).ToList();
        if (pool.Count == 0) return groups;
        if (pool.Count >= SmallGroups.Minimum)
        {
            groups.Add(new Group([Other], pool));
            return groups;
        }
        var smallest = groups.OrderBy(g => g.Comments.Count).First();
        groups[groups.IndexOf(smallest)] = new Group([.. smallest.Topics, Other], [.. smallest.Comments, .. pool]);
        return groups;
    }
}
