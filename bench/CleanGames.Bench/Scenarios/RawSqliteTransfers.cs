using Microsoft.Data.Sqlite;

namespace CleanGames.Bench.Scenarios;

/// <summary>
/// The baseline of <c>economy-gifts</c>: the storage's own limit for a transfer, in raw ADO.NET
/// (Microsoft.Data.Sqlite, the package the application uses) on a fresh SQLite file of its own, set up
/// as the application sets up its file: a plain <c>Data Source=…</c> connection string (pooling on,
/// Microsoft.Data.Sqlite's defaults for everything else: synchronous FULL, its 30 s command timeout
/// and its own busy retry) and <c>PRAGMA journal_mode=WAL</c>, stored in the file.
/// One transfer is one transaction: <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's
/// <c>BeginTransaction()</c>; the write lock is taken at once, so no reader-turned-writer can deadlock
/// or see a balance another writer is changing), debit one wallet with a <c>balance &gt;= amount</c>
/// guard, credit another, insert two ledger entries, <c>COMMIT</c>. Writers of this process queue on
/// one gate, exactly as the application's saves queue on its <c>SqliteWriteGate</c>: without it
/// concurrent writers meet SQLite's lock and Microsoft.Data.Sqlite's blocking 150 ms retry sleep, a
/// limit of the driver's retry, not of the storage.
/// </summary>
internal sealed class RawSqliteTransfers : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE wallets (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL, version INTEGER NOT NULL);
        CREATE TABLE ledger_entries (id INTEGER PRIMARY KEY, transfer_id TEXT NOT NULL, account_id INTEGER NOT NULL, amount INTEGER NOT NULL);
        CREATE INDEX ix_ledger_entries_account_id ON ledger_entries (account_id);
        CREATE INDEX ix_ledger_entries_transfer_id ON ledger_entries (transfer_id);
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Worker[] _workers;
    private readonly long _initialTotal;
    private readonly long _initialBalance;
    private long _committed;

    private RawSqliteTransfers(string connectionString, Worker[] workers, int wallets, long initialBalance)
    {
        _connectionString = connectionString;
        _workers = workers;
        _initialBalance = initialBalance;
        _initialTotal = wallets * initialBalance;
    }

    /// <summary>Transfers committed so far, warm-ups included: each must be in the ledger.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    /// <summary>For the log: the pragmas a worker's connection really runs with.</summary>
    public string Pragmas { get; private set; } = string.Empty;

    /// <summary>Creates the file and <paramref name="wallets"/> wallets holding <paramref name="initialBalance"/> each, and one open connection per worker, as a server's pool would hold them.</summary>
    public static async Task<RawSqliteTransfers> CreateAsync(string databaseFile, int wallets, long initialBalance, int workers, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        // What the application's connection string holds: the data source and nothing else.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile }.ToString();
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync(ct);
            await ExecuteAsync(setup, "PRAGMA journal_mode=WAL;", ct);
            await ExecuteAsync(setup, Schema, ct);
            await using var transaction = (SqliteTransaction)await setup.BeginTransactionAsync(ct);
            await using var insert = setup.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO wallets (id, balance, version) VALUES ($id, $balance, 0)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            insert.Parameters.AddWithValue("$balance", initialBalance);
            for (var i = 0; i < wallets; i++)
            {
                id.Value = i;
                await insert.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        var pool = new Worker[workers];
        for (var i = 0; i < workers; i++)
        {
            pool[i] = Worker.Open(connectionString);
        }

        var transfers = new RawSqliteTransfers(connectionString, pool, wallets, initialBalance);
        transfers.Pragmas = await pool[0].PragmasAsync(ct);
        return transfers;
    }

    /// <summary>
    /// One transfer by worker <paramref name="worker"/>: <paramref name="amount"/> from wallet
    /// <paramref name="from"/> to wallet <paramref name="to"/>. False when the debit's guard refused it
    /// (nothing moves); an exception when SQLite failed.
    /// </summary>
    public async Task<bool> TransferAsync(int worker, long from, long to, long amount, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            if (!_workers[worker].Transfer(from, to, amount))
            {
                return false;
            }

            Interlocked.Increment(ref _committed);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>After the run, read-only: Σ balances unchanged, none negative, every transfer's entries balanced, every balance = initial + Σ its entries, every committed transfer in the ledger.</summary>
    public async Task<InvariantReport> CheckAsync(CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        var total = await ScalarAsync(connection, "SELECT COALESCE(SUM(balance), 0) FROM wallets", ct);
        var negative = await ScalarAsync(connection, "SELECT COUNT(*) FROM wallets WHERE balance < 0", ct);
        var unbalanced = await ScalarAsync(connection, "SELECT COUNT(*) FROM (SELECT transfer_id FROM ledger_entries GROUP BY transfer_id HAVING SUM(amount) <> 0 OR COUNT(*) <> 2)", ct);
        var drifted = await ScalarAsync(connection,
            $"SELECT COUNT(*) FROM wallets w WHERE w.balance <> {_initialBalance} + (SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e WHERE e.account_id = w.id)", ct);
        var recorded = await ScalarAsync(connection, "SELECT COUNT(DISTINCT transfer_id) FROM ledger_entries", ct);
        var committed = Committed;
        return new InvariantReport(
            Operations: committed,
            Recorded: recorded,
            Missing: Math.Max(0, committed - recorded),
            RecordedUnanswered: Math.Max(0, recorded - committed),
            ExpectedTotal: _initialTotal,
            Total: total,
            Negative: negative,
            Unbalanced: unbalanced,
            BalanceNotEntries: drifted);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        _writeGate.Dispose();
        // Pooled connections would keep the file open past its folder's deletion.
        SqliteConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One connection with its prepared statements, used by one client at a time.</summary>
    private sealed class Worker : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _debit;
        private readonly SqliteCommand _credit;
        private readonly SqliteCommand _entry;

        private Worker(SqliteConnection connection)
        {
            _connection = connection;
            _debit = Command("UPDATE wallets SET balance = balance - $amount, version = version + 1 WHERE id = $id AND balance >= $amount", "$id", "$amount");
            _credit = Command("UPDATE wallets SET balance = balance + $amount, version = version + 1 WHERE id = $id", "$id", "$amount");
            _entry = Command("INSERT INTO ledger_entries (transfer_id, account_id, amount) VALUES ($transfer, $account, $amount)", "$transfer", "$account", "$amount");
        }

        public static Worker Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            return new Worker(connection);
        }

        /// <summary>Synchronous, as Microsoft.Data.Sqlite's async methods are: the caller holds the write gate.</summary>
        public bool Transfer(long from, long to, long amount)
        {
            // BEGIN IMMEDIATE: BeginTransaction() without deferred.
            using var transaction = _connection.BeginTransaction();
            _debit.Transaction = transaction;
            _credit.Transaction = transaction;
            _entry.Transaction = transaction;

            _debit.Parameters[0].Value = from;
            _debit.Parameters[1].Value = amount;
            if (_debit.ExecuteNonQuery() != 1)
            {
                transaction.Rollback();
                return false;
            }

            _credit.Parameters[0].Value = to;
            _credit.Parameters[1].Value = amount;
            _credit.ExecuteNonQuery();

            var transfer = Guid.CreateVersion7().ToString();
            _entry.Parameters[0].Value = transfer;
            _entry.Parameters[1].Value = from;
            _entry.Parameters[2].Value = -amount;
            _entry.ExecuteNonQuery();
            _entry.Parameters[1].Value = to;
            _entry.Parameters[2].Value = amount;
            _entry.ExecuteNonQuery();

            transaction.Commit();
            return true;
        }

        public async Task<string> PragmasAsync(CancellationToken ct)
        {
            var values = new List<string>();
            foreach (var pragma in new[] { "journal_mode", "synchronous", "busy_timeout", "foreign_keys" })
            {
                await using var command = _connection.CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                values.Add($"{pragma}={await command.ExecuteScalarAsync(ct)}");
            }

            return string.Join(", ", values) + $", command timeout {_connection.DefaultTimeout} s";
        }

        public async ValueTask DisposeAsync()
        {
            await _debit.DisposeAsync();
            await _credit.DisposeAsync();
            await _entry.DisposeAsync();
            await _connection.DisposeAsync();
        }

        private SqliteCommand Command(string sql, params string[] parameters)
        {
            var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            return command;
        }
    }
}

/// <summary>
/// What one side's ledger looked like after the run. <see cref="Violations"/> counts the broken
/// invariants: a total that moved (1), each negative balance, each transaction whose entries do not
/// balance, each balance that is not the sum of its entries, each acknowledged operation missing from
/// the ledger, and each recorded one beyond those acknowledged plus the answers the clients lost.
/// </summary>
/// <param name="Operations">Operations acknowledged (a 200 answer, a committed transfer), warm-ups included.</param>
/// <param name="Recorded">Those operations the ledger holds.</param>
/// <param name="AnswersLost">Operations whose answer never arrived (a client exception): they may or may not have happened.</param>
internal sealed record InvariantReport(
    long Operations,
    long Recorded,
    long Missing,
    long RecordedUnanswered,
    long ExpectedTotal,
    long Total,
    long Negative,
    long Unbalanced,
    long BalanceNotEntries,
    long AnswersLost = 0)
{
    public long Violations =>
        (Total == ExpectedTotal ? 0 : 1) + Negative + Unbalanced + BalanceNotEntries + Missing + Math.Max(0, RecordedUnanswered - AnswersLost);

    public string Describe() =>
        $"{Operations} acknowledged, {Recorded} in the ledger ({Missing} missing, {RecordedUnanswered} not acknowledged, {AnswersLost} answers lost); "
        + $"Σ balances {Total} (expected {ExpectedTotal}); {Negative} negative; {Unbalanced} unbalanced; {BalanceNotEntries} balances ≠ Σ entries: {Violations} violations";
}
