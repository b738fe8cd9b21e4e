namespace NegociacionOptimizer.Optimization.Model;

/// <summary>
/// A value (U_c or U_d, minor units) as an affine function of the plan's down payment D, discount Q and installment A
/// (all in minor units), exact up to the centavo rounding of each period's interest. Valid inside one piece:
/// one structure (f, n, g) and one burden bucket, where the survival curve is a constant.
/// </summary>
/// <param name="Constant">Value at D = Q = A = 0.</param>
/// <param name="PerDown">∂/∂D.</param>
/// <param name="PerDiscount">∂/∂Q.</param>
/// <param name="PerInstallment">∂/∂A.</param>
internal readonly record struct LinearValue(double Constant, double PerDown, double PerDiscount, double PerInstallment);
