using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Astro.Triggers.Sdk.Agentset;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 25, kind 4: a connection that never completes was never sent. Against a loopback server whose accept
/// queue is full (new SYNs dropped), the connect timeout ends the attempt, and it — like an attempt timeout or budget
/// that runs out while still connecting — is "never sent": MayHaveBeenProcessed false, retried like a refused
/// connection, creates included. Tests of the connect timeout itself run on the real clock (the handler's timer is not
/// the SDK's TimeProvider) with a 0.5 s timeout and short backoff.</summary>
public sealed class ConnectPhaseTests : FaultMatrixTestBase
{
    private static readonly TimeSpan Connect = TimeSpan.FromSeconds(0.5);

    public static TheoryData<string> Services => new(ServiceCase.All.Keys);

    /// <summary>The real clock, the short connect timeout, 100 ms backoff; the attempt timeout far above the connect one.</summary>
    private static void RealTime(ServiceClientOptions o, int attempts)
    {
        o.TimeProvider = TimeProvider.System;
        o.ConnectTimeout = Connect;
        o.Retry.MaxAttempts = attempts;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
        o.Retry.AttemptTimeout = TimeSpan.FromSeconds(20);
    }

    private int AttemptsLogged() => Logs.Lines.Count(l => l.Contains("(attempt ", StringComparison.Ordinal) && l.Contains("failed with", StringComparison.Ordinal));

    [Fact]
    public async Task The_issue_input_a_create_cut_by_its_attempt_timeout_while_connecting_was_never_sent()
    {
        // As reported: MaxAttempts 1, AttemptTimeout 3 s, the default connect timeout (10 s) longer than the attempt's.
        await using var queue = await SaturatedListener.CreateAsync();

        var error = await RunCallAsync(() => ServiceCase.All["Agentset"].Call(Options(queue.BaseAddress, o =>
        {
            o.Retry.MaxAttempts = 1;
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(3);
        })));

        var timeout = error.Should().BeOfType<ServiceTimeoutException>().Subject;
        timeout.MayHaveBeenProcessed.Should().BeFalse("not one byte of the request was written");
        timeout.Timeout.Should().Be(TimeSpan.FromSeconds(3));
        timeout.Message.Should().Contain("still being established").And.Contain("did not reach the service");
        queue.Server.Requests.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_connect_timeout_ends_the_attempt_as_never_sent_for_every_create(string name)
    {
        await using var queue = await SaturatedListener.CreateAsync();
        var clock = Stopwatch.StartNew();

        var error = await RunCallAsync(() => ServiceCase.All[name].Call(Options(queue.BaseAddress, o => RealTime(o, attempts: 1))));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the 0.5 s connect timeout ends the attempt, not the 20 s attempt timeout");
        var timeout = error.Should().BeOfType<ServiceTimeoutException>().Subject;
        timeout.Timeout.Should().Be(Connect);
        timeout.MayHaveBeenProcessed.Should().BeFalse();
        timeout.Message.Should().Contain("connect timeout");
        queue.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_create_whose_connect_times_out_is_tried_again_because_it_was_never_sent()
    {
        await using var queue = await SaturatedListener.CreateAsync();

        var error = await RunCallAsync(() => ServiceCase.All["Agentset"].Call(Options(queue.BaseAddress, o => RealTime(o, attempts: 2))));

        error.Should().BeOfType<ServiceTimeoutException>().Which.MayHaveBeenProcessed.Should().BeFalse();
        AttemptsLogged().Should().Be(2, "both attempts were made: the first provably sent nothing");
        queue.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_create_whose_first_connect_times_out_is_sent_once_when_the_queue_frees()
    {
        var created = ServiceCase.All["Agentset"];
        await using var queue = await SaturatedListener.CreateAsync(_ => Reply.Json(created.SuccessStatus, created.SuccessBody));

        var call = RunCallAsync(() => created.Call(Options(queue.BaseAddress, o =>
        {
            RealTime(o, attempts: 2);
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(300);
        })));
        await WaitUntilAsync(() => AttemptsLogged() == 1);
        queue.Release();
        var error = await call;

        error.Should().BeNull();
        queue.Server.Requests.Should().ContainSingle("the create reached the service exactly once").Which.Method.Should().Be("POST");
    }

    [Fact]
    public async Task A_read_whose_connect_times_out_is_retried_and_reads_the_answer_once_the_queue_frees()
    {
        var read = ReadCase.All["Agentset get"];
        await using var queue = await SaturatedListener.CreateAsync(_ => Reply.Text(200, read.ContentType, read.SuccessBody));
        string? result = null;

        var call = RunCallAsync(async () => result = await read.Call(Options(queue.BaseAddress, o =>
        {
            RealTime(o, attempts: 4);
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(300);
        })));
        await WaitUntilAsync(() => AttemptsLogged() == 1);
        queue.Release();
        var error = await call;

        error.Should().BeNull();
        result.Should().Be("job_1 Processing");
        queue.Server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_read_that_never_connects_fails_after_max_attempts_as_never_sent()
    {
        await using var queue = await SaturatedListener.CreateAsync();

        var error = await RunCallAsync(() => ReadCase.All["Agentset get"].Call(Options(queue.BaseAddress, o => RealTime(o, attempts: 3))));

        var timeout = error.Should().BeOfType<ServiceTimeoutException>().Subject;
        timeout.MayHaveBeenProcessed.Should().BeFalse();
        timeout.Timeout.Should().Be(Connect);
        AttemptsLogged().Should().Be(3);
        queue.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_create_whose_budget_runs_out_while_connecting_was_never_sent()
    {
        await using var queue = await SaturatedListener.CreateAsync();

        var error = await RunCallAsync(() => ServiceCase.All["Agentset"].Call(Options(queue.BaseAddress, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(4);
            o.Retry.AttemptTimeout = TimeSpan.FromMinutes(5);
        })));

        var timeout = error.Should().BeOfType<ServiceTimeoutException>().Subject;
        timeout.Timeout.Should().Be(TimeSpan.FromSeconds(4));
        timeout.MayHaveBeenProcessed.Should().BeFalse();
    }

    /// <summary>A loopback TCP server that is no TLS server: it reads the ClientHello, then answers plain text and
    /// closes (when constructed to answer), or says nothing until stopped. Counts connections.</summary>
    private sealed class NotTls : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;
        private int _connections;

        public NotTls(bool answer)
        {
            _listener.Start();
            _serving = Task.Run(async () =>
            {
                var open = new List<Socket>();
                try
                {
                    while (true)
                    {
                        var socket = await _listener.AcceptSocketAsync(_stop.Token);
                        Interlocked.Increment(ref _connections);
                        open.Add(socket);
                        if (answer)
                        {
                            await socket.ReceiveAsync(new byte[4096], SocketFlags.None, _stop.Token);
                            await socket.SendAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), SocketFlags.None, _stop.Token);
                            socket.Shutdown(SocketShutdown.Both);
                        }
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                }
                finally
                {
                    open.ForEach(s => s.Dispose());
                }
            });
        }

        public Uri BaseAddress => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public int Connections => Volatile.Read(ref _connections);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _serving;
            _stop.Dispose();
        }
    }

    [Fact]
    public async Task A_create_whose_tls_handshake_fails_is_retried_because_it_was_never_sent()
    {
        await using var server = new NotTls(answer: true);

        var error = await RunCallAsync(() => ServiceCase.All["Agentset"].Call(Options(server.BaseAddress, o => o.Retry.MaxAttempts = 2)));

        var failure = error.Should().BeOfType<ServiceTransportException>().Subject;
        failure.MayHaveBeenProcessed.Should().BeFalse("the handshake failed: no byte of the request was written");
        failure.Message.Should().Contain("TLS");
        server.Connections.Should().Be(2, "the create was tried again");
    }

    [Fact]
    public async Task A_tls_handshake_that_never_completes_ends_at_the_connect_timeout_as_never_sent()
    {
        await using var server = new NotTls(answer: false);

        var error = await RunCallAsync(() => ServiceCase.All["Agentset"].Call(Options(server.BaseAddress, o => RealTime(o, attempts: 2))));

        var timeout = error.Should().BeOfType<ServiceTimeoutException>().Subject;
        timeout.Timeout.Should().Be(Connect, "the connect timeout covers the TLS handshake");
        timeout.MayHaveBeenProcessed.Should().BeFalse();
        server.Connections.Should().Be(2);
    }

    [Fact]
    public async Task A_create_sent_on_a_reused_connection_that_then_hangs_may_still_have_been_processed()
    {
        // The contrast: the phase is tracked, not guessed. The first create is answered on a connection kept alive; the
        // second is written on it and never answered, so its attempt timeout is the ambiguous kind.
        var created = ServiceCase.All["Agentset"];
        await using var server = new ScriptedServer(i => i == 0 ? Reply.Json(created.SuccessStatus, created.SuccessBody) : new Reply.Hang());
        Exception? second = null;

        await RunCallAsync(async () =>
        {
            var options = (AgentsetClientOptions)Options(server.BaseAddress, o =>
            {
                o.Retry.MaxAttempts = 2;
                o.Retry.AttemptTimeout = TimeSpan.FromSeconds(3);
            })(new AgentsetClientOptions { NamespaceId = "ns_1" });
            using var client = new AgentsetClient(options);
            await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
            try
            {
                await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "y" } });
            }
            catch (ServiceTimeoutException ex)
            {
                second = ex;
            }
        });

        second.Should().NotBeNull();
        ((ServiceTimeoutException)second!).MayHaveBeenProcessed.Should().BeTrue();
        server.Requests.Should().HaveCount(2, "the hanging create was not repeated");
    }

    [Fact]
    public async Task Through_a_callers_own_transport_the_phase_is_unknown_so_a_timeout_while_connecting_stays_ambiguous()
    {
        await using var queue = await SaturatedListener.CreateAsync();
        using var transport = new SocketsHttpHandler();

        var error = await RunCallAsync(() => ServiceCase.All["Agentset"].Call(Options(queue.BaseAddress, o =>
        {
            o.Transport = transport;
            o.Retry.MaxAttempts = 1;
            o.Retry.AttemptTimeout = TimeSpan.FromSeconds(3);
        })));

        error.Should().BeOfType<ServiceTimeoutException>().Which.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Fact]
    public async Task A_client_registered_with_di_honours_its_connect_timeout()
    {
        await using var queue = await SaturatedListener.CreateAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddAgentsetClient(o =>
        {
            o.BaseAddress = queue.BaseAddress;
            o.ApiKey = Secret;
            o.NamespaceId = "ns_1";
            RealTime(o, attempts: 1);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AgentsetClient>();
        var clock = Stopwatch.StartNew();

        var act = () => client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });

        var timeout = (await act.Should().ThrowAsync<ServiceTimeoutException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        timeout.Timeout.Should().Be(Connect);
        timeout.MayHaveBeenProcessed.Should().BeFalse();
    }

    [Fact]
    public async Task A_client_created_without_di_honours_its_connect_timeout()
    {
        await using var queue = await SaturatedListener.CreateAsync();
        var options = new AgentsetClientOptions { BaseAddress = queue.BaseAddress, ApiKey = Secret, NamespaceId = "ns_1" };
        RealTime(options, attempts: 1);
        using var client = new AgentsetClient(options);
        var clock = Stopwatch.StartNew();

        var act = () => client.IngestJobs.GetAsync("job_1");

        var timeout = (await act.Should().ThrowAsync<ServiceTimeoutException>()).Which;
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        timeout.Timeout.Should().Be(Connect);
        timeout.MayHaveBeenProcessed.Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_connect_timeout_that_is_not_positive_is_refused_naming_the_option(int seconds)
    {
        var options = new AgentsetClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), ApiKey = "k", NamespaceId = "ns_1", ConnectTimeout = TimeSpan.FromSeconds(seconds) };

        options.Validate().Should().ContainSingle().Which.Should().StartWith("ConnectTimeout must be positive");
        var direct = () => new AgentsetClient(options);
        direct.Should().Throw<ArgumentException>().WithMessage("*ConnectTimeout*");
    }

    [Fact]
    public async Task A_connect_timeout_from_configuration_is_validated_at_start_up()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agentset:BaseAddress"] = "http://127.0.0.1:1/",
            ["Agentset:ApiKey"] = "k",
            ["Agentset:NamespaceId"] = "ns_1",
            ["Agentset:ConnectTimeout"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAgentsetClient(configuration.GetSection("Agentset"));
        await using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<AgentsetClient>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should()
            .ContainSingle(f => f.StartsWith("Agentset: ConnectTimeout must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_connect_timeout_is_well_below_the_attempt_timeout_and_infinite_is_allowed()
    {
        var options = new AgentsetClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/"), ApiKey = "k", NamespaceId = "ns_1" };

        options.ConnectTimeout.Should().Be(TimeSpan.FromSeconds(10));
        options.ConnectTimeout.Should().BeLessThan(options.Retry.AttemptTimeout / 2);
        options.ConnectTimeout = Timeout.InfiniteTimeSpan;
        options.Validate().Should().BeEmpty();
    }
}
