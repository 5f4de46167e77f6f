using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;
using Microsoft.Extensions.Configuration;

namespace Astro.Triggers.Cli.Config;

/// <summary>Builds each service's client from, in rising precedence: the --config file's section (bound to the SDK's
/// options), the environment (or the embedded fake with --offline), then flags. The key comes only from the
/// environment or the file; it is registered with the output mask before anything is written.</summary>
internal static class Clients
{
    public static AgentsetClient Agentset(Invocation invocation, string? namespaceFlag = null, string? tenantFlag = null)
    {
        invocation.StartOfflineIfAsked(ServiceNames.Agentset);
        var options = new AgentsetClientOptions();
        Bind(invocation, ServiceNames.Agentset, options);

        Common(invocation, options, EnvNames.AgentsetApiKey, "the Agentset API key", EnvNames.AgentsetBaseUrl);
        options.NamespaceId = namespaceFlag ?? invocation.Env(EnvNames.AgentsetNamespace) ?? options.NamespaceId
            ?? throw new CliUsageException($"missing the Agentset namespace (ns_…): pass --namespace or set {EnvNames.AgentsetNamespace}");
        options.TenantId = tenantFlag ?? invocation.Env(EnvNames.AgentsetTenant) ?? options.TenantId;
        Check(options);
        return invocation.Own(new AgentsetClient(options));
    }

    public static AstropodClient Astropod(Invocation invocation)
    {
        invocation.StartOfflineIfAsked(ServiceNames.Astropod);
        var options = new AstropodClientOptions();
        Bind(invocation, ServiceNames.Astropod, options);

        Common(invocation, options, EnvNames.AstropodToken, "the Astropod token", EnvNames.AstropodBaseUrl);
        Check(options);
        return invocation.Own(new AstropodClient(options));
    }

    public static TrueFoundryClient TrueFoundry(Invocation invocation)
    {
        invocation.StartOfflineIfAsked(ServiceNames.TrueFoundry);
        var options = new TrueFoundryClientOptions();
        Bind(invocation, ServiceNames.TrueFoundry, options);

        Common(invocation, options, EnvNames.TrueFoundryApiKey, "the TrueFoundry API key", EnvNames.TrueFoundryBaseUrl);
        if (options.BaseAddress is null)
        {
            // TrueFoundry has no shared endpoint: every customer has a control plane of their own.
            throw new CliUsageException($"missing the TrueFoundry control-plane URL: set {EnvNames.TrueFoundryBaseUrl} or pass --base-url");
        }

        Check(options);
        return invocation.Own(new TrueFoundryClient(options));
    }

    public static ShipyardClient Shipyard(Invocation invocation)
    {
        invocation.StartOfflineIfAsked(ServiceNames.Shipyard);
        var options = new ShipyardClientOptions();
        Bind(invocation, ServiceNames.Shipyard, options);

        Common(invocation, options, EnvNames.ShipyardApiKey, "the Shipyard API key", EnvNames.ShipyardBaseUrl);
        Check(options);
        return invocation.Own(new ShipyardClient(options));
    }

    public static MixpeekClient Mixpeek(Invocation invocation)
    {
        invocation.StartOfflineIfAsked(ServiceNames.Mixpeek);
        var options = new MixpeekClientOptions();
        Bind(invocation, ServiceNames.Mixpeek, options);

        Common(invocation, options, EnvNames.MixpeekApiKey, "the Mixpeek API key", EnvNames.MixpeekBaseUrl);
        options.Namespace = invocation.Env(EnvNames.MixpeekNamespace) ?? options.Namespace;
        Check(options);
        return invocation.Own(new MixpeekClient(options));
    }

    /// <summary>Binds the --config file's section to the SDK's options as the SDK's DI does, refusing keys the options
    /// do not have (a misspelt <c>ApiKy</c> would otherwise leave the key unset without a word).</summary>
    private static void Bind(Invocation invocation, string service, ServiceClientOptions options)
    {
        if (invocation.ConfigSection(service) is not { } section)
        {
            return;
        }

        try
        {
            switch (options)
            {
                case AgentsetClientOptions o:
                    section.Bind(o, b => b.ErrorOnUnknownConfiguration = true);
                    break;
                case AstropodClientOptions o:
                    section.Bind(o, b => b.ErrorOnUnknownConfiguration = true);
                    break;
                case TrueFoundryClientOptions o:
                    section.Bind(o, b => b.ErrorOnUnknownConfiguration = true);
                    break;
                case ShipyardClientOptions o:
                    section.Bind(o, b => b.ErrorOnUnknownConfiguration = true);
                    break;
                case MixpeekClientOptions o:
                    section.Bind(o, b => b.ErrorOnUnknownConfiguration = true);
                    break;
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new CliUsageException($"--config: section '{section.Path}': {ex.Message}");
        }
    }

    private static void Common(Invocation invocation, ServiceClientOptions options, string keyVariable, string what, string urlVariable)
    {
        // A key from the file is masked as well as one from the environment.
        invocation.Out.Secrets.Add(options.ApiKey);
        options.ApiKey = invocation.Env(keyVariable) ?? options.ApiKey
            ?? throw new CliUsageException($"missing {what}: set {keyVariable} (or ApiKey in the --config file's section); keys are never taken from flags");
        invocation.Out.Secrets.Add(options.ApiKey);

        var url = invocation.Get(GlobalOptions.BaseUrl) ?? invocation.Env(urlVariable);
        if (url is not null)
        {
            options.BaseAddress = Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
                ? parsed
                : throw new CliUsageException($"'{url}' (--base-url or {urlVariable}) is not an absolute http(s) URL");
        }

        if (invocation.Out.Verbose)
        {
            options.LoggerFactory = new CliLoggerFactory(invocation.Out);
            invocation.Out.Trace($"using {options}");
        }
    }

    private static void Check(ServiceClientOptions options)
    {
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new CliUsageException("invalid settings: " + string.Join("; ", problems));
        }
    }
}
