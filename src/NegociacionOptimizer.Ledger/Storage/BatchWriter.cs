using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;

namespace NegociacionOptimizer.Ledger.Storage;

/// <summary>
/// Group commit: every write of the process goes through one queue; the writer takes what has queued up (at most the
/// batch size), runs it in one transaction and commits once, and only then completes the callers' tasks. Calls that
/// arrive together share one disk sync; none is answered before its rows are durable. A failed batch fails every write
/// in it (none of them was committed).
/// </summary>
internal sealed class BatchWriter : IAsyncDisposable
{
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Database _database;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public BatchWriter(Database database, int maxBatch)
    {
        _database = database;
        _maxBatch = maxBatch;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Runs <paramref name="work"/> in the next batch; completes once the batch is committed.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken)
    {
        var job = new Job<T>(work);
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new LedgerUnavailableException("The ledger is closed.");
        }

        // A cancelled caller stops waiting; its write still commits with its batch (it may already be in one).
        return job.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<Job>();
        while (await _jobs.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _jobs.Reader.TryRead(out var job))
            {
                batch.Add(job);
            }

            Commit(batch);
        }
    }

    private void Commit(List<Job> batch)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var connection = _database.Open();
            using var transaction = connection.BeginTransaction();
            foreach (var job in batch)
            {
                job.Run(connection, transaction);
            }

            transaction.Commit();
        }
#pragma warning disable CA1031 // Any failure of the database is the callers' UNAVAILABLE; the writer goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LedgerMetrics.Batch(_database.Connection.Backend, batch.Count, Stopwatch.GetElapsedTime(started), committed: false);
            var failure = new LedgerUnavailableException("The ledger could not record the call.", e);
            foreach (var job in batch)
            {
                job.Fail(failure);
            }

            return;
        }

        LedgerMetrics.Batch(_database.Connection.Backend, batch.Count, Stopwatch.GetElapsedTime(started), committed: true);
        foreach (var job in batch)
        {
            job.Complete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private abstract class Job
    {
        public abstract void Run(DbConnection connection, DbTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Job<T>(Func<DbConnection, DbTransaction, T> work) : Job
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public override void Run(DbConnection connection, DbTransaction transaction) => _result = work(connection, transaction);

        public override void Complete() => _done.TrySetResult(_result!);

        public override void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
