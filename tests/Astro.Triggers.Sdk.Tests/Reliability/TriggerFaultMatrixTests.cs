using System.Globalization;
using Astro.Triggers.Sdk.Core.Errors;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Every fault against every service's trigger/create, over real sockets: the exception and its fields,
/// the exact number of requests the server received, and never a second trigger unless the first provably did
/// not act (429, 503 with Retry-After, connection refused).</summary>
public sealed class TriggerFaultMatrixTests : FaultMatrixTestBase
{
    public static TheoryData<string> Services => new(ServiceCase.All.Keys);

    private async Task<(Exception? Error, int Requests)> Run(ServiceCase service, Reply first, Action<Sdk.ServiceClientOptions>? tweak = null)
    {
        // The server echoes the key in a header of every answer and in every error body it sends (issue 21, kind 5):
        // RunCallAsync then proves it surfaces nowhere — not in exceptions, logs or activity tags.
        await using var server = new ScriptedServer(i => Echoing(i == 0 ? first : Reply.Json(service.SuccessStatus, service.SuccessBody)));
        var error = await RunCallAsync(() => service.Call(Options(server.BaseAddress, tweak)));
        return (error, server.Requests.Count);
    }

    private static Reply Echoing(Reply reply) => reply is Reply.Full full
        ? full with
        {
            Body = full.Status >= 400 && full.Body.StartsWith('{') ? $$$"""{"error":{"code":"echo","message":"key {{{Secret}}} was used"}}""" : full.Body,
            Headers = [.. full.Headers, ("x-request-id", "req-" + Secret), ("X-Echo", Secret)],
        }
        : reply;

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Rate_limited_with_retry_after_seconds_is_retried_once_the_wait_is_over(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], Reply.Json(429, "{}", ("Retry-After", "2")));

        error.Should().BeNull();
        requests.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Rate_limited_with_an_http_date_is_retried(string name)
    {
        var at = Clock.GetUtcNow().AddSeconds(3).ToString("R", CultureInfo.InvariantCulture);

        var (error, requests) = await Run(ServiceCase.All[name], Reply.Json(429, "{}", ("Retry-After", at)));

        error.Should().BeNull();
        requests.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Rate_limited_without_retry_after_is_retried_with_backoff(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], Reply.Json(429, "{}"));

        error.Should().BeNull();
        requests.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Unavailable_with_retry_after_is_retried(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], Reply.Json(503, "{}", ("Retry-After", "1")));

        error.Should().BeNull();
        requests.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Ambiguous_5xx_answers_are_thrown_after_one_request_and_marked_maybe_processed(string name)
    {
        foreach (var (status, type) in new[] { (500, typeof(InternalServerErrorException)), (502, typeof(UnexpectedStatusException)), (503, typeof(UnexpectedStatusException)), (504, typeof(UnexpectedStatusException)) })
        {
            Logs.Lines.Clear();
            var (error, requests) = await Run(ServiceCase.All[name], Reply.Json(status, """{"message":"down"}"""), o => o.Retry.RetryInternalServerError = true);

            requests.Should().Be(1, $"HTTP {status} to a trigger is ambiguous and must not be repeated");
            error.Should().BeOfType(type);
            var exception = (ServiceRequestException)error!;
            exception.Status.Should().Be(status);
            exception.MayHaveBeenProcessed.Should().BeTrue();
            exception.Info.Service.Should().Be(name);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task An_html_502_page_is_still_the_typed_exception_with_the_page_as_raw_body(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], Reply.Text(502, "text/html", "<html><body>Bad gateway</body></html>"));

        requests.Should().Be(1);
        var exception = error.Should().BeOfType<UnexpectedStatusException>().Subject;
        exception.Status.Should().Be(502);
        exception.RawBody.Should().Contain("Bad gateway");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Connection_refused_is_retried_because_nothing_was_sent_then_thrown_as_never_reached(string name)
    {
        var error = await RunCallAsync(() => ServiceCase.All[name].Call(Options(ScriptedServer.RefusingAddress())));

        var exception = error.Should().BeOfType<ServiceTransportException>().Subject;
        exception.MayHaveBeenProcessed.Should().BeFalse();
        exception.Message.Should().Contain("refused");
        Logs.Lines.Count(l => l.Contains("attempt", StringComparison.OrdinalIgnoreCase)).Should().BeGreaterThanOrEqualTo(4, "all 4 attempts are made and logged");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_reset_before_the_response_is_not_repeated(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], new Reply.ResetBeforeResponse());

        requests.Should().Be(1);
        error.Should().BeOfType<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_reset_mid_body_is_not_repeated(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], new Reply.ResetMidBody());

        requests.Should().Be(1);
        error.Should().BeAssignableTo<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_body_that_stalls_ends_at_the_attempt_timeout_without_a_repeat(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], new Reply.StallBody(), o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(5));

        requests.Should().Be(1);
        var exception = error.Should().BeOfType<ServiceTimeoutException>().Subject;
        exception.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        exception.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task An_answer_slower_than_the_overall_timeout_ends_at_the_timeout(string name)
    {
        var (error, requests) = await Run(ServiceCase.All[name], new Reply.Hang(), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(8);
            o.Retry.AttemptTimeout = TimeSpan.FromMinutes(5);
        });

        requests.Should().Be(1);
        var exception = error.Should().BeOfType<ServiceTimeoutException>().Subject;
        exception.Timeout.Should().Be(TimeSpan.FromSeconds(8));
        exception.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Success_bodies_that_are_not_the_model_give_a_deserialization_error_after_one_request(string name)
    {
        foreach (var reply in new Reply[]
        {
            Reply.Json(ServiceCase.All[name].SuccessStatus, string.Empty),
            Reply.Json(ServiceCase.All[name].SuccessStatus, ServiceCase.All[name].SuccessBody[..(ServiceCase.All[name].SuccessBody.Length / 2)]),
            Reply.Text(ServiceCase.All[name].SuccessStatus, "text/html", "<html>maintenance</html>"),
        })
        {
            var (error, requests) = await Run(ServiceCase.All[name], reply);

            requests.Should().Be(1);
            error.Should().BeAssignableTo<ResponseDeserializationException>().Which.OperationId.Should().NotBeNullOrEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_50_mb_body_is_refused_not_buffered_declared_or_chunked(string name)
    {
        foreach (var chunked in new[] { false, true })
        {
            var (error, requests) = await Run(ServiceCase.All[name], new Reply.Huge(50L * 1024 * 1024, chunked));

            requests.Should().Be(1);
            var exception = error.Should().BeOfType<ResponseTooLargeException>().Subject;
            exception.Limit.Should().Be(4 * 1024 * 1024);
            exception.DeclaredLength.Should().Be(chunked ? null : 50L * 1024 * 1024);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_redirect_to_another_host_is_not_followed_so_the_credential_never_leaves(string name)
    {
        await using var elsewhere = new ScriptedServer(_ => Reply.Json(200, "{}"));
        var location = new Uri(elsewhere.BaseAddress, "steal");

        var (error, requests) = await Run(ServiceCase.All[name], Reply.Json(307, "{}", ("Location", location.ToString())));

        requests.Should().Be(1);
        elsewhere.Requests.Should().BeEmpty();
        error.Should().BeOfType<UnexpectedStatusException>().Which.Status.Should().Be(307);
    }
}
