namespace Directive58.Classifier.Model;

/// <summary>
/// In how many training texts each hashed feature occurs, and the inverse document frequency it gives:
/// ln((1 + N) / (1 + df)) + 1, the smoothed form of scikit-learn's TfidfTransformer. Counted on the
/// training split only and stored in the model file, so training and every later prediction weight alike.
/// </summary>
public sealed class DocumentFrequencies
{
    public DocumentFrequencies(int documents, int[] counts)
    {
        Documents = documents;
        Counts = counts;
        Weights = new float[counts.Length];
        for (var i = 0; i < counts.Length; i++) Weights[i] = (float)(Math.Log((1.0 + documents) / (1.0 + counts[i])) + 1);
    }

    public int Documents { get; }
    /// <summary>Per hashed index: the number of training texts with a feature on it.</summary>
    public int[] Counts { get; }
    /// <summary>Per hashed index: the inverse document frequency.</summary>
    public float[] Weights { get; }

    public static DocumentFrequencies Count(IReadOnlyCollection<SparseVector> texts, int dimension)
    {
        var counts = new int[dimension];
        foreach (var text in texts)
            foreach (var index in text.Indices) counts[index]++;
        return new DocumentFrequencies(texts.Count, counts);
    }
}
