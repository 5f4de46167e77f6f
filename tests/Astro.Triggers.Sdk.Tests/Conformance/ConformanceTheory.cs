using Xunit.Abstractions;
using Xunit.Sdk;

namespace Astro.Triggers.Sdk.Tests.Conformance;

/// <summary>A theory whose rows are shown as <c>Conformance.&lt;rule&gt;/&lt;case&gt;</c> (its first two arguments),
/// so a runner's list reads like the suite's own case ids.</summary>
[XunitTestCaseDiscoverer("Astro.Triggers.Sdk.Tests.Conformance.ConformanceTheoryDiscoverer", "Astro.Triggers.Sdk.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceTheoryAttribute : TheoryAttribute;

/// <summary>Makes one <see cref="ConformanceTestCase"/> per data row.</summary>
public sealed class ConformanceTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new ConformanceTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];
}

/// <summary>One case of the suite, named by its id.</summary>
public sealed class ConformanceTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ConformanceTestCase()
    {
    }

    public ConformanceTestCase(
        IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod, object[] arguments)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod, arguments)
    {
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        TestMethodArguments is [string rule, string name, ..] ? $"Conformance.{rule}/{name}" : base.GetDisplayName(factAttribute, displayName);
}
