namespace TokenMatch.Formats.Scripts;

/// <summary>How error messages show text taken from the input: quoted, and cut when long, so a 5 MB token gives one short line of stderr.</summary>
public static class ScriptText
{
    /// <summary>Characters of a token shown before it is cut.</summary>
    public const int MaxShown = 40;

    /// <summary><c>'text'</c>, or for a token longer than <see cref="MaxShown"/>, its first characters, an ellipsis and its length: <c>'abc…' (5,000,000 characters)</c>.</summary>
    public static string Quote(string text) =>
        text.Length <= MaxShown ? $"'{text}'" : $"'{text[..MaxShown]}…' ({text.Length:N0} characters)";

    /// <summary>The token as a name (a field or key): itself when short, cut like <see cref="Quote"/> without the quotes when long.</summary>
    public static string Name(string text) =>
        text.Length <= MaxShown ? text : $"{text[..MaxShown]}… ({text.Length:N0} characters)";
}
