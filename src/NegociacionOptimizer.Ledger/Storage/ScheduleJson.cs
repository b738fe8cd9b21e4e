using System.Text.Json;
using NegociacionOptimizer.Ledger.Records;

namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>An offer's installments as compact JSON: [{"n":1,"due":"2026-12-10","amount":4500000}, …].</summary>
internal static class ScheduleJson
{
    public static string Write(IReadOnlyList<DueInstallment> schedule) =>
        JsonSerializer.Serialize(schedule.Select(i => new Row(i.Number, Sql.Iso(i.DueDate), i.AmountMinor)));

    public static IReadOnlyList<DueInstallment> Read(string json) =>
        [.. (JsonSerializer.Deserialize<Row[]>(json) ?? []).Select(r => new DueInstallment(r.N, Sql.ParseDate(r.Due), r.Amount))];

    private sealed record Row(
        [property: System.Text.Json.Serialization.JsonPropertyName("n")] int N,
        [property: System.Text.Json.Serialization.JsonPropertyName("due")] string Due,
        [property: System.Text.Json.Serialization.JsonPropertyName("amount")] long Amount);
}
