using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>Requests carrying recognisable personal data (amounts, free text, the account id) that no log line may show.</summary>
internal static class PersonalDataProbe
{
    /// <summary>A valid request with the probe's amounts and notes.</summary>
    public static GenerateOffersRequest Valid(string requestId)
    {
        var request = Requests.FromFile("forgot-to-pay.json");
        request.RequestId = requestId;
        request.Account.PrincipalMinor = 187_654_321;
        request.Inquiry.MonthlyIncomeMinor = 456_789_123;
        request.Inquiry.LumpSumAvailableMinor = 123_456_789;
        request.Inquiry.Notes = "Zebracorn quince privado";
        return request;
    }

    /// <summary>The same request made invalid (pay day 32), under another request id.</summary>
    public static GenerateOffersRequest Invalid(GenerateOffersRequest valid, string requestId)
    {
        var bad = valid.Clone();
        bad.RequestId = requestId;
        bad.Inquiry.PayDay = new PayDay { DayOfMonth = 32 };
        return bad;
    }

    /// <summary>What must not appear in any log line: the amounts (plain and grouped), the notes and the account id.</summary>
    public static string[] Secrets(GenerateOffersRequest request) =>
        ["187654321", "187.654.321", "456789123", "456.789.123", "123456789", "123.456.789", "Zebracorn", request.Account.AccountId];
}
