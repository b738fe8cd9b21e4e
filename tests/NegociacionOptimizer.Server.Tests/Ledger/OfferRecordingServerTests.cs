using System.Text;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Ledger.Storage;
using NegociacionOptimizer.Ledger.Tests.Support;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Ledger;

public sealed class OfferRecordingServerTests
{
    [Fact]
    public async Task Every_answer_that_issued_offers_is_in_the_ledger_when_it_arrives_with_each_offer_and_its_signature()
    {
        var ledger = TestDatabases.Fresh(TestDatabases.Sqlite);
        await using var server = await LedgerServer.StartAsync(ledger);
        var generated = await server.Client.Offers.GenerateOffersAsync(Requests.Valid());
        var evaluated = await server.Client.Offers.EvaluateProposalAsync(Proposal());
        var streamed = await Stream(server, Requests.Valid());

        await using var reader = LedgerServer.Open(ledger);
        Assert.Equal(3, reader.Counts().Sets);
        Assert.All(generated.Offers.Concat(streamed.Offers).Concat(evaluated.CounterOffers.Select(c => c.Offer)),
            o => Assert.True(reader.HasOffer(o.OfferId)));
        // The same request, unary and streamed: the same offer, signed alike, issued (and recorded) twice.
        Assert.Equal(generated.Offers[0].Signature, streamed.Offers[0].Signature);
        Assert.Equal(2, Scalar(ledger, $"SELECT COUNT(*) FROM offers WHERE signature = '{generated.Offers[0].Signature}'"));
        Assert.Equal(1, Scalar(ledger, "SELECT COUNT(*) FROM offer_sets WHERE source = 'evaluate' AND verdict = 'VERDICT_NOT_ACCEPTABLE'"));
    }

    [Fact]
    public async Task A_ledger_that_cannot_write_makes_the_call_unavailable_and_the_stream_item_an_unavailable_error()
    {
        var ledger = TestDatabases.Fresh(TestDatabases.Sqlite);
        await using var server = await LedgerServer.StartAsync(ledger);
        Execute(ledger, "ALTER TABLE offers RENAME TO offers_moved");

        var unary = await Assert.ThrowsAsync<RpcException>(() => server.Client.Offers.GenerateOffersAsync(Requests.Valid()).ResponseAsync);
        var item = await StreamItem(server, Requests.Valid());

        Assert.Equal(StatusCode.Unavailable, unary.StatusCode);
        Assert.Equal("UNAVAILABLE", item.Error.Code);
        Execute(ledger, "ALTER TABLE offers_moved RENAME TO offers");
        Assert.NotEmpty((await server.Client.Offers.GenerateOffersAsync(Requests.Valid())).Offers);
    }

    [Fact]
    public async Task The_ledger_file_holds_the_keyed_account_reference_and_never_the_account_id()
    {
        var ledger = TestDatabases.Fresh(TestDatabases.Sqlite);
        var request = Requests.Valid();
        request.Account.AccountId = "PRIVATE-ACCOUNT-4242";
        await using (var server = await LedgerServer.StartAsync(ledger))
        {
            var offers = (await server.Client.Offers.GenerateOffersAsync(request)).Offers;
            await server.Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = "privacy", Offer = offers[0] });
        }

        var path = new SqliteConnectionStringBuilder(ledger.ConnectionString).DataSource;
        var bytes = string.Concat(new[] { path, path + "-wal" }.Where(File.Exists).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain("PRIVATE-ACCOUNT-4242", bytes, StringComparison.Ordinal);
        Assert.Equal(2, Scalar(ledger, "SELECT COUNT(*) FROM (SELECT account_ref FROM offer_sets UNION ALL SELECT account_ref FROM plans) WHERE length(account_ref) = 12"));
    }

    private static EvaluateProposalRequest Proposal()
    {
        var valid = Requests.Valid();
        return new EvaluateProposalRequest
        {
            Account = valid.Account,
            Inquiry = valid.Inquiry,
            Proposal = new Proposal { Installments = 3, InstallmentMinor = 1_000_000 },
        };
    }

    private static async Task<GenerateOffersResponse> Stream(LedgerServer server, GenerateOffersRequest request)
    {
        var item = await StreamItem(server, request);
        Assert.Null(item.Error);
        return item.Response;
    }

    private static async Task<StreamOffersResponse> StreamItem(LedgerServer server, GenerateOffersRequest request)
    {
        using var call = server.Client.Offers.StreamOffers();
        await call.RequestStream.WriteAsync(new StreamOffersRequest { ItemId = "item-1", Request = request });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }

    private static void Execute(LedgerConnection ledger, string sql)
    {
        using var connection = new SqliteConnection(ledger.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(LedgerConnection ledger, string sql)
    {
        using var connection = new SqliteConnection(ledger.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
