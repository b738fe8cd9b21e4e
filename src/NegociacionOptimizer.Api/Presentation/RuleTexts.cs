using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Api.Presentation;

/// <summary>
/// Neutral sentences for the rules of a plan: why an offer is shaped as it is (binding), why a plan or proposal is not
/// possible (violation), and what change would make an offer exist (suggestion). es-AR by default, en on request.
/// </summary>
public static class RuleTexts
{
    /// <summary>A rule the offer meets exactly: "cuota limitada por la capacidad de pago de $ 45.000".</summary>
    public static string Binding(Violation rule, Currency currency, Language language)
    {
        var limit = Formats.Figure(rule.Limit, rule.Unit, currency, language);
        var en = language == Language.English;
        return rule.Code switch
        {
            RuleCode.Frequency => en ? "frequency matched to how often the person is paid" : "frecuencia ajustada a la de los ingresos",
            RuleCode.Term => en ? $"term at the maximum of {limit}" : $"plazo en el máximo de {limit}",
            RuleCode.Grace => en ? $"start deferred by the maximum of {limit}" : $"inicio diferido en el máximo de {limit}",
            RuleCode.LumpSum => en ? $"down payment capped by the amount available today of {limit}" : $"pago inicial limitado por el monto disponible hoy de {limit}",
            RuleCode.MinDownPayment => en ? $"down payment at the minimum of {limit}" : $"pago inicial en el mínimo de {limit}",
            RuleCode.DiscountLimit => en ? $"discount at the limit of {limit} for this term" : $"quita en el límite de {limit} para este plazo",
            RuleCode.SettlementAmount => en ? $"single payment of the balance after discount, {limit}" : $"pago único del saldo con quita, {limit}",
            RuleCode.NothingFinanced => en ? "down payment and discount leave little to finance" : "el pago inicial y la quita dejan poco por financiar",
            RuleCode.Burden => en ? $"installment capped by payment capacity of {limit}" : $"cuota limitada por la capacidad de pago de {limit}",
            RuleCode.StatedCapacity => en ? $"installment capped by the stated payment capacity of {limit}" : $"cuota limitada por la capacidad de pago declarada de {limit}",
            RuleCode.MinInstallment => en ? $"installment at the minimum of {limit}" : $"cuota en el mínimo de {limit}",
            RuleCode.Rounding => en ? "installment shaped by the rounding unit" : "cuota ajustada por la unidad de redondeo",
            RuleCode.UsuryCap => en ? $"effective annual cost at the cap of {limit}" : $"costo financiero total en el tope de {limit}",
            RuleCode.CompanyValue => en ? "recovery just above the alternative without an agreement" : "recupero apenas por encima de la alternativa sin acuerdo",
            RuleCode.PersonValue => en ? "total cost close to the balance" : "costo total cercano al saldo",
            RuleCode.CalendarRange => en ? $"last due date at the end of the calendar, {limit}" : $"último vencimiento al final del calendario, {limit}",
            RuleCode.AmountRange => en ? $"balance at the computable limit of {limit} for this rate and term" : $"saldo en el límite calculable de {limit} para esta tasa y plazo",
            _ => rule.Code.ToString(),
        };
    }

    /// <summary>A rule a plan or proposal breaks: "la cuota mensual de $ 50.000 supera la capacidad de pago de $ 45.000".</summary>
    public static string Broken(Violation rule, Currency currency, Language language)
    {
        var value = Formats.Figure(rule.Value, rule.Unit, currency, language);
        var limit = Formats.Figure(rule.Limit, rule.Unit, currency, language);
        var en = language == Language.English;
        return rule.Code switch
        {
            RuleCode.Frequency => en
                ? $"{FrequencyName(rule.Value, language)} installments are not available for a person paid {FrequencyName(rule.Limit, language)}"
                : $"las cuotas {FrequencyName(rule.Value, language)}es no están disponibles para ingresos {FrequencyName(rule.Limit, language)}es",
            RuleCode.Term => en ? $"{value} exceed the maximum of {limit}" : $"{value} superan el máximo de {limit}",
            RuleCode.Grace => en ? $"{value} of deferral exceed the maximum of {limit}" : $"{value} de gracia superan el máximo de {limit}",
            RuleCode.LumpSum => en ? $"the payment today of {value} exceeds the amount available today, {limit}" : $"el pago de hoy de {value} supera el monto disponible hoy, {limit}",
            RuleCode.MinDownPayment => en ? $"the down payment of {value} is below the minimum of {limit}" : $"el pago inicial de {value} es menor que el mínimo de {limit}",
            RuleCode.DiscountLimit => en ? $"the discount of {value} exceeds the limit of {limit} for this term" : $"la quita de {value} supera el límite de {limit} para este plazo",
            RuleCode.SettlementAmount => en ? $"the single payment of {value} does not match the balance after discount, {limit}" : $"el pago único de {value} no coincide con el saldo con quita, {limit}",
            RuleCode.NothingFinanced => en ? "the down payment and discount cover the whole balance: nothing is left for installments" : "el pago inicial y la quita cubren todo el saldo: no queda nada para pagar en cuotas",
            RuleCode.Burden => en ? $"the monthly installment of {value} exceeds the payment capacity of {limit}" : $"la cuota mensual de {value} supera la capacidad de pago de {limit}",
            RuleCode.StatedCapacity => en ? $"the monthly installment of {value} exceeds the stated payment capacity of {limit}" : $"la cuota mensual de {value} supera la capacidad de pago declarada de {limit}",
            RuleCode.MinInstallment => en ? $"the installment of {value} is below the minimum installment of {limit}" : $"la cuota de {value} es menor que la cuota mínima de {limit}",
            RuleCode.Rounding => en ? $"installments of {value} repay {limit} before the last one" : $"con cuotas de {value} el monto de {limit} se cancela antes de la última cuota",
            RuleCode.UsuryCap => en ? $"the effective annual cost of {value} exceeds the cap of {limit}" : $"el costo financiero total de {value} supera el tope de {limit}",
            RuleCode.CompanyValue => en ? $"the plan recovers less than the alternative without an agreement (by {Formats.Money(-rule.Value, currency, language)})" : $"el plan recupera menos que la alternativa sin acuerdo (por {Formats.Money(-rule.Value, currency, language)})",
            RuleCode.PersonValue => en ? $"the plan costs more than the balance (by {Formats.Money(-rule.Value, currency, language)})" : $"el plan cuesta más que el saldo (por {Formats.Money(-rule.Value, currency, language)})",
            RuleCode.CalendarRange => en
                ? $"the plan needs {value}, but the business calendar covers only {limit} from this date (up to {BusinessCalendars.MaxYear})"
                : $"el plan necesita {value}, pero el calendario de días hábiles cubre solo {limit} desde esta fecha (hasta {BusinessCalendars.MaxYear})",
            RuleCode.AmountRange => en
                ? $"at this rate and term a balance of {value} grows past the computable range (at most {limit})"
                : $"con esta tasa y este plazo un saldo de {value} crece más allá del rango calculable (como máximo {limit})",
            _ => rule.Code.ToString(),
        };
    }

    /// <summary>The smallest change to <paramref name="field"/> that would make an offer exist.</summary>
    public static string Suggestion(string field, long value, long current, FigureUnit unit, Currency currency, Language language)
    {
        var target = Formats.Figure(value, unit, currency, language);
        var now = Formats.Figure(current, unit, currency, language);
        var label = FieldLabel(field, language);
        return language == Language.English
            ? $"an offer would exist with {label} of {target} (now {now})"
            : $"habría una oferta con {label} de {target} (hoy {now})";
    }

    /// <summary>Why a disputed or fraud-claimed balance gets no offer.</summary>
    public static string ReviewRequired(Reason reason, Language language) => (reason, language) switch
    {
        (Reason.FraudClaim, Language.English) => "a possible fraud was reported: the account needs review before a payment plan can be offered",
        (_, Language.English) => "the balance is disputed: the account needs review before a payment plan can be offered",
        (Reason.FraudClaim, _) => "se informó un posible fraude: la cuenta necesita revisión antes de ofrecer un plan de pagos",
        _ => "el saldo está en revisión a pedido de la persona: la cuenta necesita revisión antes de ofrecer un plan de pagos",
    };

    /// <summary>The proposed installment is below what the plan it describes needs.</summary>
    public static string InstallmentShort(long proposed, long needed, Currency currency, Language language) => language == Language.English
        ? $"the proposed installment of {Formats.Money(proposed, currency, language)} is below the plan's installment of {Formats.Money(needed, currency, language)}"
        : $"la cuota propuesta de {Formats.Money(proposed, currency, language)} no alcanza la cuota del plan, {Formats.Money(needed, currency, language)}";

    private static string FrequencyName(long periodsPerYear, Language language) => (periodsPerYear, language) switch
    {
        (52, Language.English) => "weekly",
        (26, Language.English) => "biweekly",
        (_, Language.English) => "monthly",
        (52, _) => "semanal",
        (26, _) => "quincenal",
        _ => "mensual",
    };

    private static string FieldLabel(string field, Language language)
    {
        var en = language == Language.English;
        return field switch
        {
            "inquiry.stated_monthly_capacity_minor" => en ? "a stated monthly capacity" : "una capacidad de pago declarada",
            "inquiry.monthly_income_minor" => en ? "a monthly income" : "un ingreso mensual",
            "inquiry.lump_sum_available_minor" => en ? "an amount available today" : "un monto disponible hoy",
            "policy.min_installment_minor" => en ? "a minimum installment" : "una cuota mínima",
            "policy.max_term_months" => en ? "a maximum term in months" : "un plazo máximo en meses",
            "policy.max_burden_bp" => en ? "a maximum burden" : "una carga máxima sobre el ingreso",
            "policy.max_grace_periods" => en ? "a maximum deferral" : "una gracia máxima",
            "policy.min_down_payment_bp" => en ? "a minimum down payment" : "un pago inicial mínimo",
            "policy.alternative_recovery_bp" => en ? "an alternative recovery" : "un recupero alternativo",
            _ => field,
        };
    }
}
