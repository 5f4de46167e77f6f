using System.Text;
using Astro.Triggers.Cli.Commands;

namespace Astro.Triggers.Cli.Services;

/// <summary>Status enums as the services spell them (PRE_PROCESSING), and back from what a user types
/// (pre_processing, PreProcessing, PRE-PROCESSING). Plain string work rather than reading [EnumMember] by reflection,
/// which the Native AOT build would have to preserve.</summary>
internal static class WireNames
{
    public static string UpperSnake<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static T[] Parse<T>(IEnumerable<string>? values, string option)
        where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in values ?? [])
        {
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var compact = part.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
                if (!Enum.TryParse<T>(compact, ignoreCase: true, out var item) || int.TryParse(compact, out _))
                {
                    throw new CliUsageException($"{option}: '{part}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(v => UpperSnake(v)))}");
                }

                parsed.Add(item);
            }
        }

        return [.. parsed];
    }
}
