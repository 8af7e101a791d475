namespace Directive58.Classifier.Model;

/// <summary>A feature vector as parallel arrays of strictly increasing indices and their values.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public int Count => Indices.Length;
}
