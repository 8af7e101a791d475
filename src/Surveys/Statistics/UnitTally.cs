using Directive58.Surveys.Questionnaires;

namespace Directive58.Surveys.Statistics;

/// <summary>What one unit's respondents answered in one wave: per-question moments and 1–5 counts, and each respondent's mean satisfaction.</summary>
public sealed class UnitTally
{
    public sealed class QuestionTally
    {
        public Moments Moments { get; } = new();
        public int[] Counts { get; } = new int[5];

        public void Add(int score)
        {
            Moments.Add(score);
            Counts[score - 1]++;
        }

        public void Add(QuestionTally other)
        {
            Moments.Add(other.Moments);
            for (var i = 0; i < 5; i++) Counts[i] += other.Counts[i];
        }
    }

    public int Respondents { get; private set; }
    public Dictionary<string, QuestionTally> Questions { get; } = [];

    /// <summary>Per respondent, the mean of the satisfaction questions they answered: the overall index's raw values.</summary>
    public Moments Overall { get; } = new();

    public void AddRespondent(IReadOnlyDictionary<string, int> scores, Questionnaire q)
    {
        Respondents++;
        double sum = 0;
        var answered = 0;
        foreach (var (id, score) in scores)
        {
            if (score is < 1 or > 5) continue;
            Tally(id).Add(score);
            if (q.Questions.FirstOrDefault(x => x.Id == id)?.Dimension == Dimensions.Satisfaction) { sum += score; answered++; }
        }
        if (answered > 0) Overall.Add(sum / answered);
    }

    /// <summary>
    /// A higher unit made of lower ones, counting only those large enough to show (SmallGroups):
    /// a unit of fewer than five is left out entirely, a question answered by fewer than five in a unit is left out for that question.
    /// </summary>
    public static UnitTally Combine(IEnumerable<UnitTally> parts)
    {
        var total = new UnitTally();
        foreach (var part in parts.Where(p => SmallGroups.CanShow(p.Respondents)))
        {
            total.Respondents += part.Respondents;
            total.Overall.Add(part.Overall);
            foreach (var (id, tally) in part.Questions)
                if (SmallGroups.CanShow(tally.Moments.N)) total.Tally(id).Add(tally);
        }
        return total;
    }

    private QuestionTally Tally(string id)
    {
        if (!Questions.TryGetValue(id, out var tally)) Questions[id] = tally = new QuestionTally();
        return tally;
    }
}
