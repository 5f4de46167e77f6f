using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;

// Outside the SDK's namespaces, as a user's code is (see TwoUsingProgram.cs).
namespace ContosoCi;

/// <summary>The CS0104 case (issue 19): a file that imports every service namespace and the root names the shared
/// types and each service's own by their simple names. That this file compiles is the test: an ambiguous simple
/// name would be a build error here. <c>PublicSurfaceConventionTests</c> checks the same by reflection.</summary>
public sealed class AllServiceNamespacesTogether
{
    [Fact]
    public void Every_everyday_type_has_an_unambiguous_simple_name()
    {
        Type[] named =
        [
            // Root: shared by every service.
            typeof(SortDirection), typeof(RunStatus), typeof(RunSnapshot), typeof(RunWaitOptions), typeof(TriggeredRun),
            typeof(TriggeredRun<>), typeof(AsyncPageable<>), typeof(Page<>), typeof(RequestOptions), typeof(RetryOptions),
            typeof(TokenProvider), typeof(ServiceClientOptions), typeof(AstroTriggersException), typeof(ServiceRequestException),
            typeof(NotFoundException), typeof(RateLimitExceededException), typeof(RunFailedException), typeof(PagingException),
            // One service each.
            typeof(AgentsetClient), typeof(IngestJobsClient), typeof(IngestJob), typeof(IngestJobStatus), typeof(IngestJobRun),
            typeof(AgentsetModelFactory), typeof(CursorDirection),
            typeof(AstropodClient), typeof(IngestionsClient), typeof(DeploymentsClient), typeof(IngestionTrigger),
            typeof(IngestionSource), typeof(AstropodModelFactory),
            typeof(TrueFoundryClient), typeof(JobRunsClient), typeof(JobRun), typeof(JobRunStatus), typeof(TrueFoundryJobRun),
            typeof(TrueFoundryModelFactory),
            typeof(ShipyardClient), typeof(FleetRunsClient), typeof(FleetRunRecord), typeof(FleetRunIdentity), typeof(ShipyardFleetRun),
            typeof(ShipyardModelFactory),
            typeof(MixpeekClient), typeof(TriggersClient), typeof(ExecutionsClient), typeof(Trigger), typeof(TriggerStatus),
            typeof(TriggerTask), typeof(MixpeekTaskStatus), typeof(TriggerExecutionRun), typeof(MixpeekModelFactory),
        ];

        // And in use, where a clash would bite: a sort order and a common status next to each service's own.
        var filter = new IngestJobListOptions { Order = SortDirection.Descending, Statuses = [IngestJobStatus.Failed] };
        var runs = new JobRunListOptions { Order = SortDirection.Ascending, Statuses = [JobRunStatus.Failed] };
        var status = JobRunStatusMap.ToRunStatus(JobRunStatus.Finished);

        named.Should().OnlyHaveUniqueItems();
        filter.Order.Should().Be(runs.Order == SortDirection.Ascending ? SortDirection.Descending : SortDirection.Ascending);
        status.Should().Be(RunStatus.Succeeded);
    }
}
