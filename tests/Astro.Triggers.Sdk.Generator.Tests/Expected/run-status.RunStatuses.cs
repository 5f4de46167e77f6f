namespace Astro.Triggers.Sdk.Acme.Generated
{
    /// <summary>The common run status of each Acme status word, from the document's x-astro-run-status.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal static class AcmeRunStatuses
    {
        /// <summary>RunState: each wire value → its common status, in the document's order.</summary>
        public static readonly global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, global::Astro.Triggers.Sdk.RunStatus>> RunStateWords =
        [
            new("WAITING", global::Astro.Triggers.Sdk.RunStatus.Queued),
            new("IN_PROGRESS", global::Astro.Triggers.Sdk.RunStatus.Running),
            new("DONE", global::Astro.Triggers.Sdk.RunStatus.Succeeded),
            new("BROKEN", global::Astro.Triggers.Sdk.RunStatus.Failed),
            new("STOPPED", global::Astro.Triggers.Sdk.RunStatus.Cancelled),
            new("MYSTERY", global::Astro.Triggers.Sdk.RunStatus.Unknown),
        ];

        /// <summary>The common status of a RunState value; Unknown (a value the SDK does not know) is unknown.</summary>
        public static global::Astro.Triggers.Sdk.RunStatus FromRunState(global::Astro.Triggers.Sdk.Acme.RunState value) => value switch
        {
            global::Astro.Triggers.Sdk.Acme.RunState.Waiting => global::Astro.Triggers.Sdk.RunStatus.Queued,
            global::Astro.Triggers.Sdk.Acme.RunState.InProgress => global::Astro.Triggers.Sdk.RunStatus.Running,
            global::Astro.Triggers.Sdk.Acme.RunState.Done => global::Astro.Triggers.Sdk.RunStatus.Succeeded,
            global::Astro.Triggers.Sdk.Acme.RunState.Broken => global::Astro.Triggers.Sdk.RunStatus.Failed,
            global::Astro.Triggers.Sdk.Acme.RunState.Stopped => global::Astro.Triggers.Sdk.RunStatus.Cancelled,
            _ => global::Astro.Triggers.Sdk.RunStatus.Unknown,
        };

        /// <summary>CsvWord: each wire value → its common status, in the document's order.</summary>
        public static readonly global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, global::Astro.Triggers.Sdk.RunStatus>> CsvWordWords =
        [
            new("Waiting", global::Astro.Triggers.Sdk.RunStatus.Queued),
            new("Out of Memory", global::Astro.Triggers.Sdk.RunStatus.Failed),
            new("Done", global::Astro.Triggers.Sdk.RunStatus.Succeeded),
        ];

    }
}
