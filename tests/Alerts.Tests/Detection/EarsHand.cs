namespace Directive58.Alerts.Tests.Detection;

/// <summary>Constants for the hand computations in the EARS tests.</summary>
internal static class EarsHand
{
    /// <summary>z(0.999) = qnorm(1 − 0.001): C1/C2's default threshold.</summary>
    public const double Z999 = 3.090232306;

    /// <summary>z(0.975) = qnorm(1 − 0.025): C3's default threshold.</summary>
    public const double Z975 = 1.959963985;

    /// <summary>Upper bounds are compared to 1e-6, the precision the command prints.</summary>
    public const double Tolerance = 1e-6;
}
