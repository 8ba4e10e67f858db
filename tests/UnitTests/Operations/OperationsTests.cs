using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Operations.Common;
using CleanGames.Application.Operations.Jobs.Queries.ListScheduledJobs;
using CleanGames.Domain.Common;
using CleanGames.Domain.Operations.Instances;
using Moq;

namespace CleanGames.UnitTests.Operations;

public sealed class ServerInstanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_keeps_the_open_transports_in_order_and_moves_seen_at()
    {
        var instance = ServerInstance.Start("a1", "host:42", Start);
        instance.Report(
            [new("/ws", TransportConnections.WebSocket, 2), new("/hubs/kitchen", TransportConnections.SignalR, 1), new("/v1/connect", TransportConnections.WebSocket, 0)],
            Start.AddSeconds(10));

        Assert.Equal(["/hubs/kitchen", "/ws"], instance.Connections.Select(c => c.Transport));
        Assert.Equal(Start.AddSeconds(10), instance.SeenAt);
        Assert.True(instance.HasChanges);
    }

    [Fact]
    public void An_older_report_never_moves_seen_at_back()
    {
        var instance = ServerInstance.Start("a1", "host:42", Start);
        instance.Report([], Start.AddSeconds(10));
        instance.Report([], Start.AddSeconds(5));
        Assert.Equal(Start.AddSeconds(10), instance.SeenAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void An_instance_id_is_one_to_64_characters(string id)
    {
        var refused = Assert.Throws<DomainException>(() => ServerInstance.Start(id, "host", Start));
        Assert.Equal(InstanceErrors.InvalidId, refused.Error);
    }

    [Fact]
    public void A_report_names_at_most_64_transports_and_a_refused_one_changes_nothing()
    {
        var instance = ServerInstance.Start("a1", "host", Start);
        var refused = Assert.Throws<DomainException>(() => instance.Report(
            Enumerable.Range(0, 65).Select(i => new TransportConnections("/t" + i, TransportConnections.WebSocket, 1)),
            Start.AddSeconds(1)));
        Assert.Equal(InstanceErrors.TooManyTransports, refused.Error);
        Assert.Empty(instance.Connections);
        Assert.Equal(Start, instance.SeenAt);
    }
}

public sealed class ListScheduledJobsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Triggers_come_the_next_to_fire_first_those_that_never_fire_again_last_a_page_at_a_time()
    {
        var jobs = new Mock<IScheduledJobs>();
        jobs.Setup(j => j.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            Trigger("c", null),
            Trigger("b", Now.AddMinutes(5)),
            Trigger("a", Now.AddMinutes(1)),
            Trigger("d", Now.AddMinutes(1)),
        ]);
        var run = new Mock<IServerRun>();
        run.SetupGet(r => r.InstanceId).Returns("self");
        var handler = new ListScheduledJobsQueryHandler(jobs.Object, run.Object);

        var first = await handler.Handle(new ListScheduledJobsQuery(1, 3), CancellationToken.None);
        Assert.Equal(["a", "d", "b"], first.Jobs.Select(j => j.Trigger));
        Assert.Equal(4, first.Total);
        Assert.Equal("self", first.InstanceId);

        var second = await handler.Handle(new ListScheduledJobsQuery(2, 3), CancellationToken.None);
        Assert.Equal(["c"], second.Jobs.Select(j => j.Trigger));
    }

    private static ScheduledTrigger Trigger(string name, DateTimeOffset? next) => new("job." + name, "DEFAULT", name, null, 60.0, next, null, "normal");
}
