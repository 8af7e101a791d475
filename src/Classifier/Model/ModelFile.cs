using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Directive58.Classifier.Model;

/// <summary>
/// The model file: "D58M", a readable JSON header (metadata, labels, temperatures; `head -c 2000` shows it),
/// then gzip-compressed: the two weight tables (delta-encoded feature indices, weights as float16 —
/// half the size of float32; rounding them changed no held-out prediction —, biases as float32) and,
/// when the model weights by inverse document frequency, the training split's document frequency
/// of every hashed index (7-bit encoded; the IDF is recomputed from them exactly as in training).
/// </summary>
public static class ModelFile
{
    private static readonly byte[] Magic = "D58M"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Header(ModelMetadata Metadata, HeadHeader Topic, HeadHeader Risk, int? FrequencyDocuments);

    private sealed record HeadHeader(IReadOnlyList<string> Labels, int Dimension, int Features, double Temperature);

    /// <summary>The compressed weights alone: hashing them gives the version its content-derived suffix.</summary>
    public static byte[] CompressWeights(LogisticRegression topic, LogisticRegression risk, DocumentFrequencies? frequencies)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip))
        {
            WriteHead(writer, topic);
            WriteHead(writer, risk);
            foreach (var count in frequencies?.Counts ?? []) writer.Write7BitEncodedInt(count);
        }
        return buffer.ToArray();
    }

    public static string ContentHash(byte[] compressedWeights) => Convert.ToHexStringLower(SHA256.HashData(compressedWeights))[..8];

    public static void Write(string path, ModelMetadata metadata, LogisticRegression topic, LogisticRegression risk, DocumentFrequencies? frequencies)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Header(metadata,
            new HeadHeader(topic.Labels, topic.Dimension, topic.FeatureIndices.Length, topic.Temperature),
            new HeadHeader(risk.Labels, risk.Dimension, risk.FeatureIndices.Length, risk.Temperature), frequencies?.Documents), Json);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        file.Write(Magic);
        file.Write(BitConverter.GetBytes(header.Length));
        file.Write(header);
        file.Write(CompressWeights(topic, risk, frequencies));
    }

    public static (ModelMetadata Metadata, LogisticRegression Topic, LogisticRegression Risk, DocumentFrequencies? Frequencies) Read(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new BinaryReader(file);
        if (!reader.ReadBytes(4).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException($"{path} is not a classifier model file.");
        var header = JsonSerializer.Deserialize<Header>(reader.ReadBytes(reader.ReadInt32()), Json)
            ?? throw new InvalidDataException($"{path} has no header.");
        if (header.Metadata.Format != ModelMetadata.CurrentFormat)
            throw new InvalidDataException($"{path} has model format {header.Metadata.Format}; this build reads {ModelMetadata.CurrentFormat}.");
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var weights = new BinaryReader(gzip);
        var (topic, risk) = (ReadHead(weights, header.Topic), ReadHead(weights, header.Risk));
        return (header.Metadata, topic, risk, header.FrequencyDocuments is { } documents ? ReadFrequencies(weights, documents, topic.Dimension) : null);
    }

    private static DocumentFrequencies ReadFrequencies(BinaryReader reader, int documents, int dimension)
    {
        var counts = new int[dimension];
        for (var i = 0; i < counts.Length; i++) counts[i] = reader.Read7BitEncodedInt();
        return new DocumentFrequencies(documents, counts);
    }

    private static void WriteHead(BinaryWriter writer, LogisticRegression model)
    {
        var previous = 0;
        foreach (var index in model.FeatureIndices)
        {
            writer.Write7BitEncodedInt(index - previous);
            previous = index;
        }
        foreach (var weight in model.Weights) writer.Write((Half)weight);
        foreach (var bias in model.Bias) writer.Write(bias);
    }

    private static LogisticRegression ReadHead(BinaryReader reader, HeadHeader head)
    {
        var indices = new int[head.Features];
        var previous = 0;
        for (var i = 0; i < indices.Length; i++) indices[i] = previous += reader.Read7BitEncodedInt();
        var weights = new float[head.Features * head.Labels.Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = (float)reader.ReadHalf();
        var bias = new float[head.Labels.Count];
        for (var i = 0; i < bias.Length; i++) bias[i] = reader.ReadSingle();
        return new LogisticRegression(head.Labels, head.Dimension, indices, weights, bias, head.Temperature);
    }
}
