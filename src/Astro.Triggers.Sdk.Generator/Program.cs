using Astro.Triggers.Sdk.Generator;
using Astro.Triggers.Sdk.Generator.Python;

// Usage: Astro.Triggers.Sdk.Generator [--lang csharp|python] --out <dir> <spec.yaml>...
// C# (the default, run by MSBuild): writes <dir>/<SpecFileName>.g.cs per spec. Python (src/python's build script):
// writes <dir>/<module>.py per spec plus _wire.py and __init__.py, the astro_triggers._generated package.
// A bad spec does not stop the others. Errors are printed to stdout
// in MSBuild's canonical "file: error CODE: message" form ("file(line,column): …" where the position is known),
// so Exec fails the build naming the spec and the problem: ATSG001 a rule of ours (SpecRules, SpecException),
// ATSG002 anything else NSwag cannot generate, ATSG003 invalid YAML. Exit code: 0 all generated, 1 a spec
// failed, 2 usage.
string? outDir = null;
var lang = "csharp";
var specs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        outDir = args[++i];
    }
    else if (args[i] == "--lang" && i + 1 < args.Length)
    {
        lang = args[++i];
    }
    else
    {
        specs.Add(args[i]);
    }
}

if (outDir is null || specs.Count == 0 || lang is not ("csharp" or "python"))
{
    Console.Error.WriteLine("usage: Astro.Triggers.Sdk.Generator [--lang csharp|python] --out <dir> <spec.yaml>...");
    return 2;
}

var python = lang == "python";
Directory.CreateDirectory(outDir);
var failed = false;
var modules = new List<string>();
foreach (var spec in specs)
{
    try
    {
        string code, target;
        if (python)
        {
            code = await PythonEmitter.GenerateAsync(spec).ConfigureAwait(false);
            modules.Add(PythonEmitter.ModuleName(spec));
            target = Path.Combine(outDir, PythonEmitter.ModuleName(spec) + ".py");
        }
        else
        {
            code = await SpecGenerator.GenerateAsync(spec).ConfigureAwait(false);
            target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(spec) + ".g.cs");
        }

        await File.WriteAllTextAsync(target, code).ConfigureAwait(false);
        Console.WriteLine($"generated {target} from {spec}");
    }
    catch (YamlDotNet.Core.YamlException ex)
    {
        Console.WriteLine($"{Path.GetFullPath(spec)}({ex.Start.Line},{ex.Start.Column}): error ATSG003: invalid YAML: {ex.Message.ReplaceLineEndings(" ")}");
        failed = true;
    }
    catch (SpecException ex)
    {
        Console.WriteLine($"{Path.GetFullPath(spec)}: error ATSG001: {ex.Message}");
        failed = true;
    }
    catch (Exception ex)
    {
        // Unresolved $refs and NSwag's own failures land here (YAML syntax errors are ATSG003 above).
        var message = ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})";
        Console.WriteLine($"{Path.GetFullPath(spec)}: error ATSG002: cannot generate code from this OpenAPI document: {message.ReplaceLineEndings(" ")}");
        failed = true;
    }
}

if (python)
{
    // The package's shared part is written even when a document failed, so the other modules stay importable.
    await File.WriteAllTextAsync(Path.Combine(outDir, PythonEmitter.WireModuleName + ".py"), PythonEmitter.WireModule()).ConfigureAwait(false);
    await File.WriteAllTextAsync(Path.Combine(outDir, "__init__.py"), PythonEmitter.InitModule(modules)).ConfigureAwait(false);
}

return failed ? 1 : 0;
