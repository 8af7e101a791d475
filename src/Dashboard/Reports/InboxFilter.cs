using System.Data.Common;
using System.Security.Claims;
using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Search;

namespace Directive58.Dashboard.Reports;

/// <summary>
/// The inbox's search and filters, bound from the query string and turned into one SQL query used by
/// the page and by both exports, always within the user's unit.
/// </summary>
public sealed record InboxFilter
{
    public string? Q { get; init; }
    public string? Topic { get; init; }
    public string? Risk { get; init; }
    public string? Workplace { get; init; }
    public string? Zone { get; init; }
    public string? Commune { get; init; }
    public string? Channel { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    public sealed record Row
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string? WorkplaceName { get; init; }
        public string Text { get; init; } = null!;
        public string Channel { get; init; } = null!;
        public DateTimeOffset OccurredAt { get; init; }
        public string? Topic { get; init; }
        public string? Risk { get; init; }
        public string? ZoneCode { get; init; }
        public string? CommuneCode { get; init; }
    }

    public bool IsEmpty => this == new InboxFilter();

    /// <summary>Matching reports, newest first.</summary>
    public async Task<IReadOnlyList<Row>> QueryAsync(DbConnection connection, ClaimsPrincipal user, ReportSearch search, int offset, int limit)
    {
        var scope = await ScopeFilter.ForAsync(connection, user);
        var (match, terms) = search.Condition(Q);
        // Days are Vietnam's (UTC+7): a filter "to 31/10" includes the whole of that day there.
        DateTimeOffset? from = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)) : null;
        DateTimeOffset? to = To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)) : null;
        // Only the filters that are set become conditions: the planner sees plain predicates it can use
        // indexes for, and no untyped null parameter reaches PostgreSQL.
        var conditions = new List<string> { scope.On("r.workplace_code"), match };
        if (Blank(Topic) is not null) conditions.Add("c.topic = @topic");
        if (Blank(Risk) is not null) conditions.Add("c.risk = @risk");
        if (Blank(Workplace) is not null) conditions.Add("r.workplace_code = @workplace");
        if (Blank(Zone) is not null) conditions.Add("w.zone_code = @zone");
        if (Blank(Commune) is not null) conditions.Add("w.commune_code = @commune");
        if (Blank(Channel) is not null) conditions.Add("r.channel = @channel");
        if (from is not null) conditions.Add("r.occurred_at >= @from");
        if (to is not null) conditions.Add("r.occurred_at < @to");
        return (await connection.QueryAsync<Row>(
            $"""
            select r.id, r.workplace_code as WorkplaceCode, w.name as WorkplaceName, r.text, r.channel, r.occurred_at as OccurredAt,
                   c.topic, c.risk, w.zone_code as ZoneCode, w.commune_code as CommuneCode
            from reports r left join classifications c on c.report_id = r.id left join workplaces w on w.code = r.workplace_code
            where {string.Join(" and ", conditions)}
            order by r.occurred_at desc
            limit @limit offset @offset
            """,
            new
            {
                codes = scope.Codes, search = terms, topic = Blank(Topic), risk = Blank(Risk), workplace = Blank(Workplace), zone = Blank(Zone),
                commune = Blank(Commune), channel = Blank(Channel), from = from ?? default, to = to ?? default, limit, offset,
            })).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
