using System.Text.Json;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Mixpeek.Generated;
using BenchmarkDotNet.Attributes;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Model round trips through the generated source-generated contexts (and Mixpeek's hand-written
/// trigger, whose configs are typed from their sibling type fields).</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private static readonly byte[] JobJson = Wire.Utf8(Wire.Job(1));
    private static readonly byte[] TriggerJson = Wire.Utf8("""
        {"trigger_id":"trg_1","namespace_id":"ns_bench","internal_id":"org_1","action_type":"cluster","action_config":{"cluster_id":"clu_1","output_collection_ids":["col_1"]},"trigger_type":"cron","schedule_config":{"cron_expression":"30 2 * * *","timezone":"Europe/Berlin"},"status":"active","last_triggered_at":null,"last_execution_task_id":null,"next_scheduled_at":"2026-11-24T01:30:00","execution_count":0,"consecutive_failures":0,"last_execution_status":null,"last_execution_error":null,"event_counter":0,"last_cooldown_at":null,"baseline_snapshot":null,"last_drift_measurement":null,"last_condition_check_at":null,"description":"nightly","created_at":"2026-11-23T09:00:00","updated_at":"2026-11-23T09:00:00","created_by":"u1"}
        """);

    [Benchmark(Baseline = true)]
    public byte[] IngestJob_round_trip()
    {
        var job = JsonSerializer.Deserialize(JobJson, AgentsetJsonContext.Default.IngestJob)!;
        return JsonSerializer.SerializeToUtf8Bytes(job, AgentsetJsonContext.Default.IngestJob);
    }

    [Benchmark]
    public byte[] MixpeekTrigger_round_trip()
    {
        var trigger = JsonSerializer.Deserialize(TriggerJson, MixpeekJsonContext.Default.Trigger)!;
        _ = trigger.Schedule;
        return JsonSerializer.SerializeToUtf8Bytes(trigger, MixpeekJsonContext.Default.Trigger);
    }
}
