using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace TokenMatch.Cli.Config;

/// <summary>
/// Reading and writing <see cref="ServeConfig"/> as JSON: camelCase names, comments and trailing commas
/// allowed on read; an unknown field, a field given twice, a null where a value is needed or a value of
/// the wrong kind is a <see cref="ConfigException"/> naming the field path (<c>markets[0].lotSize</c>),
/// what was expected there, and the line and position. Ranges are <see cref="ConfigValidator"/>'s.
/// Stateless; any thread.
/// </summary>
public static partial class ConfigJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        WriteIndented = true,
        IndentSize = 2,
    };

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The configuration in <paramref name="json"/>; throws <see cref="ConfigException"/>.</summary>
    public static ServeConfig Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new ConfigException("", "the file is empty: expected a JSON object with the settings (see 'tokenmatch config init')");
        ServeConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ServeConfig>(json, Options);
        }
        catch (JsonException e)
        {
            throw Translate(e);
        }
        return config ?? throw new ConfigException("", "expected a JSON object with the settings, found null");
    }

    /// <summary>The configuration as JSON without comments (what <see cref="Parse"/> reads back equal).</summary>
    public static string Serialize(ServeConfig config) => JsonSerializer.Serialize(config, Options);

    private static ConfigException Translate(JsonException e)
    {
        string field = FieldOf(e.Path);
        string where = e.LineNumber is long line
            ? $" (line {(line + 1).ToString(CultureInfo.InvariantCulture)}, position {((e.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)})"
            : "";
        string prefix = field.Length == 0 ? "" : field + ": ";
        string message = e.Message;
        if (UnmappedPattern().Match(message) is { Success: true } unmapped)
        {
            string name = unmapped.Groups["name"].Value;
            int dot = field.LastIndexOf('.');
            string parent = dot < 0 ? "" : field[..dot];
            return new ConfigException(field, $"{prefix}unknown field '{name}'{Hint(parent, name)}{where}");
        }
        if (DuplicatePattern().IsMatch(message))
            return new ConfigException(field, $"{prefix}given twice{where}");
        if (e.InnerException is null && NullPattern().IsMatch(message))
            return new ConfigException(field, $"{prefix}may not be null: expected {Expected(field)}{where}");
        if (ConvertPattern().IsMatch(message))
            return new ConfigException(field, field.Length == 0
                ? $"expected a JSON object with the settings{where}"
                : $"{prefix}expected {Expected(field)}{where}");
        // A syntax error: the reader's own words, without its suffix (the line is given in ours).
        string reason = (e.InnerException?.Message ?? message);
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) reason = reason[..cut];
        int pathCut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathCut >= 0) reason = reason[..pathCut];
        return new ConfigException(field, $"JSON syntax error{where}{(field.Length == 0 ? "" : " in " + field)}: {reason}");
    }

    /// <summary>"$.markets[0].lotSize" as "markets[0].lotSize"; "$['a b']" as "a b".</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        string p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.StartsWith('$') ? path[1..] : path;
        return QuotedSegment().Replace(p, m => "." + m.Groups[1].Value).TrimStart('.');
    }

    private static string Hint(string parent, string name)
    {
        Type? type = TypeAt(parent, out _);
        if (type is null || IsDictionary(type, out _)) return "";
        string[] names = NamesOf(type);
        string? close = names.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        return close is not null ? $" (did you mean '{close}'? names are case-sensitive)" : $" (fields here: {string.Join(", ", names)})";
    }

    /// <summary>Plain words for what the field at <paramref name="field"/> holds.</summary>
    internal static string Expected(string field)
    {
        Type? type = TypeAt(field, out bool nullable);
        if (type is null) return "a value of another kind";
        string kind = Describe(type);
        return nullable ? kind + " or null" : kind;
    }

    private static string Describe(Type type)
    {
        if (type == typeof(long)) return "a whole number (up to 9223372036854775807)";
        if (type == typeof(int)) return "a whole number (up to 2147483647)";
        if (type == typeof(double)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "text in double quotes";
        if (IsDictionary(type, out Type? value)) return $"an object of names to {Describe(value!)}s";
        if (ElementOf(type) is Type element) return $"a list [ ] of {Describe(element)}";
        return $"an object {{ }} with the fields {string.Join(", ", NamesOf(type))}";
    }

    private static string[] NamesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray();

    /// <summary>The declared type of the field at <paramref name="field"/>, nullable underlying types unwrapped.</summary>
    private static Type? TypeAt(string field, out bool nullable)
    {
        Type? type = typeof(ServeConfig);
        nullable = false;
        if (field.Length == 0) return type;
        foreach (Match m in SegmentPattern().Matches(field))
        {
            if (type is null) return null;
            nullable = false;
            if (m.Groups["index"].Success)
            {
                type = ElementOf(type);
                continue;
            }
            string name = m.Groups["name"].Value;
            if (IsDictionary(type, out Type? value))
            {
                type = value;
                continue;
            }
            PropertyInfo? property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
            if (property is null) return null;
            type = property.PropertyType;
            if (Nullable.GetUnderlyingType(type) is Type underlying)
            {
                type = underlying;
                nullable = true;
            }
            else if (!type.IsValueType) nullable = Nullability.Create(property).WriteState == NullabilityState.Nullable;
        }
        return type;
    }

    private static bool IsDictionary(Type type, out Type? value)
    {
        value = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;
        return value is not null;
    }

    private static Type? ElementOf(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && !IsDictionary(type, out _)
            ? type.GetGenericArguments()[0] : null;

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"^Duplicate property")]
    private static partial Regex DuplicatePattern();

    [GeneratedRegex(@"doesn't allow setting null values")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^The JSON value could not be converted to")]
    private static partial Regex ConvertPattern();

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex QuotedSegment();

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex SegmentPattern();
}
