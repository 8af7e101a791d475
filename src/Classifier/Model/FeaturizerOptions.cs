namespace Directive58.Classifier.Model;

/// <summary>
/// How a text becomes a vector. Saved in the model file: a model is only valid with the options it was trained with.
/// </summary>
/// <param name="HashBits">Size of the hashed feature space, 2^HashBits.</param>
/// <param name="CharMin">Shortest character n-gram.</param>
/// <param name="CharMax">Longest character n-gram.</param>
/// <param name="CharShare">Share of the diacritic-free part's squared norm given to character n-grams (the rest goes to syllable n-grams).</param>
/// <param name="ToneShare">Share of the vector's squared norm given to the syllable n-grams with tone marks, when the text has them.</param>
/// <param name="InverseDocumentFrequency">Weight each feature by its inverse document frequency on the training split.</param>
public sealed record FeaturizerOptions(
    int HashBits = 18, int CharMin = 3, int CharMax = 5, double CharShare = 0.5, double ToneShare = 0, bool InverseDocumentFrequency = false)
{
    public int Dimension => 1 << HashBits;
}
