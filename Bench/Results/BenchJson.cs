using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenMatch.Bench.Results;

/// <summary>Writes and reads <see cref="BenchResult"/> files (<c>--json</c>, <c>bench report</c>): camelCase, indented, nulls left out.</summary>
public static class BenchJson
{
    /// <summary>The result as JSON text.</summary>
    public static string Serialize(BenchResult result) => JsonSerializer.Serialize(result, BenchJsonContext.Default.BenchResult);

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/> (directories created as needed).</summary>
    public static void Write(BenchResult result, string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, Serialize(result) + "\n");
    }

    /// <summary>Reads a result file; null with <paramref name="problem"/> set when it is not one.</summary>
    public static BenchResult? Read(string path, out string? problem)
    {
        try
        {
            BenchResult? result = JsonSerializer.Deserialize(File.ReadAllText(path), BenchJsonContext.Default.BenchResult);
            problem = result is null || string.IsNullOrEmpty(result.Target) ? $"{path}: not a bench result (no target)" : null;
            return problem is null ? result : null;
        }
        catch (JsonException e)
        {
            problem = $"{path}: not a bench result ({e.Message})";
            return null;
        }
    }
}

/// <summary>The source-generated serializer of the result types.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
