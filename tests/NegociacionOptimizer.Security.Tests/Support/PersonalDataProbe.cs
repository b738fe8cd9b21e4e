using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>Requests carrying recognisable personal data (amounts, free text, the account id) that no log line may show.</summary>
public static class PersonalDataProbe
{
    public const string AccountId = "ACC-PRIVATE-99821";

    /// <summary>A valid request with the probe's amounts, notes and account id.</summary>
    public static GenerateOffersRequest Valid(string requestId)
    {
        var request = Requests.Generate();
        request.RequestId = requestId;
        request.Account.AccountId = AccountId;
        request.Account.PrincipalMinor = 187_654_321;
        request.Inquiry.MonthlyIncomeMinor = 456_789_123;
        request.Inquiry.LumpSumAvailableMinor = 123_456_789;
        request.Inquiry.Notes = "Zebracorn quince privado";
        return request;
    }

    /// <summary>The same request made invalid in ways whose messages quote values (pay day 32, a negative income).</summary>
    public static GenerateOffersRequest Invalid(string requestId)
    {
        var bad = Valid(requestId);
        bad.Inquiry.PayDay = new PayDay { DayOfMonth = 32 };
        bad.Inquiry.MonthlyIncomeMinor = -456_789_123;
        return bad;
    }

    /// <summary>What must not appear in any log line: the amounts (plain and grouped both ways), the notes and the account id.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        "187654321", "187.654.321", "187,654,321", "456789123", "456.789.123", "456,789,123", "123456789", "123.456.789",
        "123,456,789", "Zebracorn", AccountId,
    ];
}
