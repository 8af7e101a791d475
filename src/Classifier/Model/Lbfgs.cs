namespace Directive58.Classifier.Model;

/// <summary>
/// Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives such
/// as L2-regularised logistic regression. Full-batch and single-threaded, so a run is exactly
/// reproducible; on a few thousand texts a full pass costs milliseconds.
/// </summary>
public static class Lbfgs
{
    /// <summary>Computes the objective at x and writes its gradient into the second argument.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    /// <summary>
    /// Minimises from x (updated in place); reports (iteration, objective, last) after each step and once more,
    /// with last = true, when it stops. Returns the objective and the number of iterations taken.
    /// </summary>
    public static (double Value, int Iterations) Minimize(Objective objective, double[] x, int maxIterations, double tolerance = 1e-7,
        int memory = 8, Action<int, double, bool>? progress = null)
    {
        var n = x.Length;
        var gradient = new double[n];
        var value = objective(x, gradient);
        var history = new Queue<(double[] S, double[] Y, double Rho)>();
        var direction = new double[n];
        var candidate = new double[n];
        var candidateGradient = new double[n];
        var done = 0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Direction(gradient, history, direction);
            var slope = Dot(gradient, direction);
            if (slope >= 0)
            {
                history.Clear();
                Direction(gradient, history, direction);
                slope = Dot(gradient, direction);
            }
            if (slope > -1e-20) break;

            var step = history.Count == 0 ? 1 / Math.Sqrt(Dot(gradient, gradient)) : 1.0;
            double candidateValue;
            var tries = 0;
            while (true)
            {
                for (var i = 0; i < n; i++) candidate[i] = x[i] + step * direction[i];
                candidateValue = objective(candidate, candidateGradient);
                if (candidateValue <= value + 1e-4 * step * slope || ++tries == 40) break;
                step *= 0.5;
            }
            if (tries == 40) break;

            // Reuse the oldest pair's arrays once the memory is full: they are large.
            var (s, y, _) = history.Count == memory ? history.Peek() : (new double[n], new double[n], 0.0);
            for (var i = 0; i < n; i++) { s[i] = candidate[i] - x[i]; y[i] = candidateGradient[i] - gradient[i]; }
            var sy = Dot(s, y);
            if (history.Count == memory) history.Dequeue();
            if (sy > 1e-12) history.Enqueue((s, y, 1 / sy));
            var decrease = value - candidateValue;
            Array.Copy(candidate, x, n);
            Array.Copy(candidateGradient, gradient, n);
            value = candidateValue;
            done = iteration;
            progress?.Invoke(iteration, value, false);
            if (decrease <= tolerance * Math.Max(1, Math.Abs(value))) break;
        }
        progress?.Invoke(done, value, true);
        return (value, done);
    }

    // The two-loop recursion: direction = -H·gradient with H built from the stored (s, y) pairs.
    private static void Direction(double[] gradient, Queue<(double[] S, double[] Y, double Rho)> history, double[] direction)
    {
        for (var i = 0; i < gradient.Length; i++) direction[i] = -gradient[i];
        var pairs = history.ToArray();
        var alphas = new double[pairs.Length];
        for (var k = pairs.Length - 1; k >= 0; k--)
        {
            alphas[k] = pairs[k].Rho * Dot(pairs[k].S, direction);
            Axpy(-alphas[k], pairs[k].Y, direction);
        }
        if (pairs.Length > 0)
        {
            var last = pairs[^1];
            var gamma = 1 / (last.Rho * Dot(last.Y, last.Y));
            for (var i = 0; i < direction.Length; i++) direction[i] *= gamma;
        }
        for (var k = 0; k < pairs.Length; k++)
        {
            var beta = pairs[k].Rho * Dot(pairs[k].Y, direction);
            Axpy(alphas[k] - beta, pairs[k].S, direction);
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double alpha, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += alpha * x[i];
    }
}
