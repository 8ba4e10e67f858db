using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CleanGames.Bench.Scenarios;

/// <summary>How many records of each kind one bot's history holds.</summary>
internal sealed record AnalyticsDataSize(int Users, int Payments, int Subscriptions)
{
    public int Records => Users + Payments + Subscriptions;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Users:N0} users, {Payments:N0} payments, {Subscriptions:N0} subscriptions");
}

/// <summary>
/// A bot's year of history up to the day the run began, the same on every run (a fixed seed): users registered across the year,
/// payments and subscriptions of users already registered at their date, spread evenly over the
/// year. Written as <c>POST /api/ingest</c> bodies of at most <see cref="BatchRecords"/> records:
/// every user first, then payments, then subscriptions, as a bot that starts sending its history would.
/// </summary>
internal sealed class AnalyticsData
{
    /// <summary>The ingestion API's cap per call.</summary>
    public const int BatchRecords = 5_000;

    /// <summary>
    /// The end of the year of history (exclusive): midnight UTC starting the day the run began. The
    /// summary's month is the 30 days ending today on the server's clock, so a history ending on a
    /// fixed date would leave that month empty; the records are the same on every run, only moved
    /// with the day.
    /// </summary>
    public static readonly DateTimeOffset YearEnd = new(DateTime.UtcNow.Date, TimeSpan.Zero);

    public static readonly DateTimeOffset YearStart = YearEnd.AddYears(-1);

    /// <summary>The last day of the history (UTC).</summary>
    public static DateOnly LastDay => DateOnly.FromDateTime(YearEnd.UtcDateTime).AddDays(-1);

    private const long PaidShareOfTen = 9;
    private static readonly string[] OtherStatuses = ["PENDING", "CANCELED"];
    private static readonly string[] Providers = ["yookassa", "cryptobot", "stars"];

    private readonly AnalyticsDataSize _size;
    private readonly int _seed;

    /// <summary>Registration instants of users 1..N, ascending: user <c>i + 1</c> registered at <c>_regTicks[i]</c>.</summary>
    private readonly long[] _regTicks;

    public AnalyticsData(AnalyticsDataSize size, int seed)
    {
        _size = size;
        _seed = seed;
        var random = new Random(seed);
        var span = (YearEnd - YearStart).Ticks;
        _regTicks = new long[size.Users];
        for (var i = 0; i < _regTicks.Length; i++)
        {
            _regTicks[i] = YearStart.Ticks + WholeSeconds((long)(random.NextDouble() * span));
        }

        Array.Sort(_regTicks);
    }

    public AnalyticsDataSize Size => _size;

    public int Batches => Chunks(_size.Users) + Chunks(_size.Payments) + Chunks(_size.Subscriptions);

    /// <summary>The request bodies in order, each with the number of records it holds.</summary>
    public IEnumerable<(byte[] Body, int Records)> Bodies()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        for (var from = 0; from < _size.Users; from += BatchRecords)
        {
            var count = Math.Min(BatchRecords, _size.Users - from);
            yield return (Write(buffer, "users", from, count, WriteUser), count);
        }

        // Separate generators per kind, so each list is the same whatever the batch size.
        var payments = new Random(_seed + 1);
        for (var from = 0; from < _size.Payments; from += BatchRecords)
        {
            var count = Math.Min(BatchRecords, _size.Payments - from);
            yield return (Write(buffer, "payments", from, count, (writer, n) => WritePayment(writer, n, payments)), count);
        }

        var subscriptions = new Random(_seed + 2);
        for (var from = 0; from < _size.Subscriptions; from += BatchRecords)
        {
            var count = Math.Min(BatchRecords, _size.Subscriptions - from);
            yield return (Write(buffer, "subscriptions", from, count, (writer, n) => WriteSubscription(writer, n, subscriptions)), count);
        }
    }

    private static int Chunks(int records) => (records + BatchRecords - 1) / BatchRecords;

    private static byte[] Write(ArrayBufferWriter<byte> buffer, string list, int from, int count, Action<Utf8JsonWriter, int> record)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(list);
            for (var n = from; n < from + count; n++)
            {
                record(writer, n);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void WriteUser(Utf8JsonWriter writer, int index)
    {
        var userId = index + 1;
        writer.WriteStartObject();
        writer.WriteNumber("user_id", userId);
        writer.WriteString("username", "user" + userId.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("reg_date", Iso(_regTicks[index]));
        writer.WriteEndObject();
    }

    /// <summary>~90% paid; kinds subscription 40%, renewal 30%, key 20%, other 10%; roubles mostly, some dollars.</summary>
    private void WritePayment(Utf8JsonWriter writer, int index, Random random)
    {
        var (userId, ticks) = UserAndDate(random);
        var kind = random.Next(10) switch
        {
            < 4 => "subscription",
            < 7 => "renewal",
            < 9 => "key",
            _ => "other",
        };
        var dollars = random.Next(100) < 15;
        var cents = dollars ? random.Next(99, 5_000) : random.Next(9_900, 300_000);
        writer.WriteStartObject();
        writer.WriteString("bill_id", "bill-" + index.ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber("user_id", userId);
        writer.WriteNumber("amount", cents / 100m);
        writer.WriteString("currency", dollars ? "USD" : "RUB");
        writer.WriteString("status", random.Next(10) < PaidShareOfTen ? "PAID" : OtherStatuses[random.Next(OtherStatuses.Length)]);
        writer.WriteString("provider", Providers[random.Next(Providers.Length)]);
        writer.WriteString("date", Iso(ticks));
        writer.WriteString("kind", kind);
        writer.WriteEndObject();
    }

    /// <summary>~30% trials of 7 days, the rest 30 days; active when they run past the end of the year.</summary>
    private void WriteSubscription(Utf8JsonWriter writer, int index, Random random)
    {
        var (userId, ticks) = UserAndDate(random);
        var trial = random.Next(10) < 3;
        var stop = ticks + TimeSpan.FromDays(trial ? 7 : 30).Ticks;
        writer.WriteStartObject();
        writer.WriteString("sub_uid", "sub-" + index.ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber("uid", index + 1);
        writer.WriteNumber("user_id", userId);
        writer.WriteString("status", stop >= YearEnd.Ticks ? "Active" : "Expired");
        writer.WriteString("start_date", Iso(ticks));
        writer.WriteString("stop_date", Iso(stop));
        writer.WriteBoolean("is_trial", trial);
        writer.WriteNumber("keys", random.Next(1, 4));
        writer.WriteEndObject();
    }

    /// <summary>An instant spread evenly over the year, and a user already registered by then.</summary>
    private (long UserId, long Ticks) UserAndDate(Random random)
    {
        var ticks = _regTicks[0] + WholeSeconds((long)(random.NextDouble() * (YearEnd.Ticks - _regTicks[0])));
        var registered = UpperBound(_regTicks, ticks);
        return (random.Next(Math.Max(1, registered)) + 1, ticks);
    }

    /// <summary>How many registration instants are at or before <paramref name="ticks"/>.</summary>
    private static int UpperBound(long[] sorted, long ticks)
    {
        var index = Array.BinarySearch(sorted, ticks);
        if (index < 0)
        {
            return ~index;
        }

        while (index < sorted.Length && sorted[index] == ticks)
        {
            index++;
        }

        return index;
    }

    private static long WholeSeconds(long ticks) => ticks - (ticks % TimeSpan.TicksPerSecond);

    private static string Iso(long ticks) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
