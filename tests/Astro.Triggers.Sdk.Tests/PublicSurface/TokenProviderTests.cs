using Astro.Triggers.Sdk.TrueFoundry;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.PublicSurface;

/// <summary><see cref="ServiceClientOptions.UseTokenProvider(Func{bool, CancellationToken, Task{string}})"/>: a natural
/// <c>Task&lt;string&gt;</c> method group, an async lambda and a <see cref="TokenProvider"/> all compile and are what
/// the server sees in <c>Authorization</c>.</summary>
public sealed class TokenProviderTests : WireMockTestBase
{
    private const string RunPath = "/api/svc/v1/jobs/app-1/runs/run-1";

    public TokenProviderTests()
    {
        Server.Given(Request.Create().WithPath(RunPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"data":{"name":"run-1","status":"RUNNING"}}"""));
    }

    [Fact]
    public async Task A_Task_returning_method_group_is_used_for_requests()
    {
        var tokens = new VaultTokens("from-vault");
        var options = Options();

        options.UseTokenProvider(tokens.GetAsync);
        await GetRunAsync(options);

        AuthorizationSeen().Should().Equal("Bearer from-vault");
        tokens.Calls.Should().Equal(false);
    }

    [Fact]
    public async Task An_async_lambda_is_used_for_requests()
    {
        var options = Options();

        options.UseTokenProvider(async (forceRefresh, cancellationToken) =>
        {
            await Task.Yield();
            return forceRefresh ? "refreshed" : "from-lambda";
        });
        await GetRunAsync(options);

        AuthorizationSeen().Should().Equal("Bearer from-lambda");
    }

    [Fact]
    public async Task Task_and_ValueTask_lambdas_and_the_delegate_all_bind()
    {
        var fromTask = Options();
        var fromValueTask = Options();
        var fromDelegate = Options();
        var fromValueTaskMethod = Options();
        TokenProvider provider = (_, _) => ValueTask.FromResult("from-delegate");

        fromTask.UseTokenProvider((_, _) => Task.FromResult("from-task"));
        fromValueTask.UseTokenProvider((_, _) => ValueTask.FromResult("from-value-task"));
        fromDelegate.UseTokenProvider(provider);
        fromValueTaskMethod.UseTokenProvider(CachedTokenAsync);
        await GetRunAsync(fromTask);
        await GetRunAsync(fromValueTask);
        await GetRunAsync(fromDelegate);
        await GetRunAsync(fromValueTaskMethod);

        AuthorizationSeen().Should().Equal("Bearer from-task", "Bearer from-value-task", "Bearer from-delegate", "Bearer from-cache");
        fromDelegate.TokenProvider.Should().BeSameAs(provider);
    }

    [Fact]
    public async Task After_a_401_the_Task_provider_is_asked_to_refresh()
    {
        Server.Reset();
        Server.Given(Request.Create().WithPath(RunPath).WithHeader("Authorization", "Bearer from-vault").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody("""{"message":"expired"}"""));
        Server.Given(Request.Create().WithPath(RunPath).WithHeader("Authorization", "Bearer from-vault-2").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"data":{"name":"run-1","status":"RUNNING"}}"""));
        var tokens = new VaultTokens("from-vault");
        var options = Options();

        options.UseTokenProvider(tokens.GetAsync);
        await GetRunAsync(options);

        tokens.Calls.Should().Equal(false, true);
        AuthorizationSeen().Should().Equal("Bearer from-vault", "Bearer from-vault-2");
    }

    [Fact]
    public void Null_providers_are_refused()
    {
        var options = Options();

        FluentActions.Invoking(() => options.UseTokenProvider((Func<bool, CancellationToken, Task<string>>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => options.UseTokenProvider((TokenProvider)null!)).Should().Throw<ArgumentNullException>();
    }

    private static ValueTask<string> CachedTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult("from-cache");

    private TrueFoundryClientOptions Options() => new() { BaseAddress = BaseAddress };

    private static async Task GetRunAsync(TrueFoundryClientOptions options)
    {
        using var client = new TrueFoundryClient(options);
        (await client.JobRuns.GetAsync("app-1", "run-1")).Name.Should().Be("run-1");
    }

    private List<string> AuthorizationSeen() =>
        Server.LogEntries.Select(e => e.RequestMessage!.Headers!["Authorization"].Single()).ToList();

    /// <summary>A token source as users write one: an ordinary async method returning <see cref="Task{TResult}"/>.</summary>
    private sealed class VaultTokens(string token)
    {
        private int _generation;

        public List<bool> Calls { get; } = [];

        public async Task<string> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            Calls.Add(forceRefresh);
            if (forceRefresh)
            {
                _generation++;
            }

            return _generation == 0 ? token : $"{token}-{_generation + 1}";
        }
    }
}
