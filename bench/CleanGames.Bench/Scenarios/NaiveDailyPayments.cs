using Microsoft.Data.Sqlite;

namespace CleanGames.Bench.Scenarios;

/// <summary>
/// The baseline of <c>analytics</c>: what the seed's dashboard does for every request, paid payments of
/// the range counted per day straight from the raw rows, here in its fair form, through the
/// payments' (BotId, Date) index. It reads the server's SQLite file read-only from the bench process
/// (WAL lets it read while the server writes), with one connection and one prepared command per
/// client, as a server's pool would hold them.
/// </summary>
internal sealed class NaiveDailyPayments : IAsyncDisposable
{
    /// <summary>
    /// Dates are stored by EF Core's <c>DateTimeOffsetToBinaryConverter</c>:
    /// <c>((ticks / 1000) &lt;&lt; 11) | (offset minutes &amp; 0x7FF)</c>, every one of them in UTC (offset 0),
    /// so <c>(Date &gt;&gt; 11) / TicksPerDay÷1000</c> is the UTC day. <c>INDEXED BY</c> fails the query
    /// rather than let SQLite fall back to a scan.
    /// </summary>
    public const string Sql = """
        SELECT (Date >> 11) / 864000000 AS Day, COUNT(*) AS Paid
        FROM bot_analytics_payments INDEXED BY IX_bot_analytics_payments_bot_date
        WHERE BotId = $bot AND Date >= $from AND Date < $to AND Status = 'PAID'
        GROUP BY Day
        ORDER BY Day
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;

    private NaiveDailyPayments(SqliteConnection connection, long botId, DateOnly from, DateOnly through)
    {
        _connection = connection;
        _command = connection.CreateCommand();
        _command.CommandText = Sql;
        _command.Parameters.AddWithValue("$bot", botId);
        _command.Parameters.AddWithValue("$from", Encode(from));
        _command.Parameters.AddWithValue("$to", Encode(through.AddDays(1)));
        _command.Prepare();
    }

    /// <summary>Opens its own read-only connection to the database file.</summary>
    public static async Task<NaiveDailyPayments> OpenAsync(string databaseFile, long botId, DateOnly from, DateOnly through, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        return new NaiveDailyPayments(connection, botId, from, through);
    }

    /// <summary>The day (UTC) and its number of paid payments, for each day that has any.</summary>
    public async Task<List<(DateOnly Day, long Paid)>> RunAsync(CancellationToken ct)
    {
        var days = new List<(DateOnly, long)>(32);
        await using var reader = await _command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            days.Add((DateOnly.FromDayNumber(checked((int)reader.GetInt64(0))), reader.GetInt64(1)));
        }

        return days;
    }

    /// <summary>SQLite's plan for the query, to show that it goes through the index.</summary>
    public async Task<string> PlanAsync(CancellationToken ct)
    {
        await using var explain = _connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + Sql;
        foreach (SqliteParameter parameter in _command.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join("; ", steps);
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Midnight UTC of <paramref name="day"/> as the converter stores it.</summary>
    private static long Encode(DateOnly day) => (day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks / 1000) << 11;
}
