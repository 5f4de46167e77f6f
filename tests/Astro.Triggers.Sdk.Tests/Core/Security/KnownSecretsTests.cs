using Astro.Triggers.Sdk.Core.Security;

namespace Astro.Triggers.Sdk.Tests.Core.Security;

/// <summary>The escaped forms of the secrets are built when a text is first masked (issue 30): a secret added after a
/// text was masked is masked in every form too.</summary>
public sealed class KnownSecretsTests
{
    [Fact]
    public void A_secret_added_after_a_mask_is_masked_in_its_escaped_forms_too()
    {
        var secrets = new KnownSecrets();
        secrets.Add("sk_first_0123456789");
        secrets.Mask("nothing here").Should().Be("nothing here");

        secrets.Add("tok/second+ü\"42");

        var masked = secrets.Mask("a sk_first_0123456789 b tok%2Fsecond%2B%C3%BC%2242 c tok/second+\\u00fc\\\"42 d");
        masked.Should().NotContain("sk_first").And.NotContain("second");
    }
}
