using Directive58.Classifier.Model;

namespace Directive58.Classifier.Tests.Model;

public class TemperatureScalingTests
{
    [Fact]
    public void Logits_three_times_too_confident_get_a_temperature_near_three()
    {
        // Labels drawn from softmax(z); the model reports 3·z, so T = 3 restores the true probabilities.
        var random = new Random(11);
        var logits = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < 4000; i++)
        {
            var z = Enumerable.Range(0, 4).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var p = LogisticRegression.Softmax(z, 1);
            var u = random.NextDouble();
            var label = 0;
            for (var cumulative = p[0]; u > cumulative && label < 3;) cumulative += p[++label];
            logits.Add(z.Select(v => 3 * v).ToArray());
            labels.Add(label);
        }

        var temperature = TemperatureScaling.Fit(logits, labels);

        Assert.InRange(temperature, 2.6, 3.4);
    }

    [Fact]
    public void Temperature_never_changes_the_winning_label()
    {
        double[] logits = [0.3, 2.1, -1.0, 1.9];

        Assert.Equal(1, LogisticRegression.ArgMax(LogisticRegression.Softmax(logits, 0.2)));
        Assert.Equal(1, LogisticRegression.ArgMax(LogisticRegression.Softmax(logits, 8)));
    }
}
