namespace NegociacionOptimizer.Domain.Calendar;

/// <summary>What an operator's override does to a date.</summary>
public enum CalendarOverrideAction
{
    /// <summary>The date becomes a holiday (e.g. a decree's bridge day).</summary>
    Add,
    /// <summary>The date stops being a holiday (e.g. a law struck down or a holiday moved by decree).</summary>
    Remove,
}
