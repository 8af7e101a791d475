namespace Directive58.Classifier.Learning;

/// <summary>`Classifier:Learning:*`: where the corpus is, how often to retrain, how hard to try.</summary>
public sealed class LearningOptions
{
    /// <summary>The repository corpus (data/training, copied next to the executable at build).</summary>
    public string CorpusFolder { get; set; } = Path.Combine(AppContext.BaseDirectory, "training");

    /// <summary>Zero turns the schedule off (the default); run it on one instance, e.g. weekly.</summary>
    public TimeSpan RetrainInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How often each instance checks whether a new champion was promoted elsewhere.</summary>
    public TimeSpan ChampionPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxIterations { get; set; } = 300;

    public double[]? L2Candidates { get; set; }
}
