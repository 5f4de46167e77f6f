using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;

namespace ContosoCi;

// The harness of the two-using program, kept out of its file so that file's usings are exactly what a user needs.
public sealed partial class TwoUsingProgram
{
    private static FakeTrueFoundry StartTrueFoundry() => new(TrueFoundryFake.Start(new TrueFoundryFakeOptions
    {
        SchedulingTime = TimeSpan.FromMilliseconds(50),
        RunTime = TimeSpan.FromMilliseconds(200),
    }));

    private sealed class FakeTrueFoundry(TrueFoundryFake fake) : IAsyncDisposable
    {
        public TrueFoundryClientOptions Options => fake.CreateClientOptions();

        public string ApplicationId => fake.ApplicationId;

        public ValueTask DisposeAsync() => fake.DisposeAsync();
    }
}
