namespace Directive58.Classifier.Model;

/// <summary>A feature vector as parallel arrays of distinct indices (in no particular order) and their values.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public int Count => Indices.Length;
}
