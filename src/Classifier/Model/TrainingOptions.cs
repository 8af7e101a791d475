namespace Directive58.Classifier.Model;

/// <summary>Hyper-parameters of one logistic regression. Saved in the model file's metadata.</summary>
/// <param name="L2">Strength of the L2 penalty on weights (not biases), per unit of average loss.</param>
/// <param name="ClassWeightPower">0 = every text counts the same; 1 = every label counts the same in total (rare labels upweighted).</param>
/// <param name="MaxIterations">Upper bound on L-BFGS iterations; each is one full pass over the training texts.</param>
/// <param name="PruneBelow">Features whose largest absolute weight is below this are dropped from the saved model.</param>
public sealed record TrainingOptions(double L2 = 1e-4, double ClassWeightPower = 1, int MaxIterations = 300, double PruneBelow = 0);
