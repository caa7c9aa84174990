using System.Reflection;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Protocol;

/// <summary>
/// Pins every client-facing enum's wire numbers and text names to the checked-in table
/// wire-names.tsv, both ways: a renumbered, renamed, added or removed member fails here, so a
/// change of a file or wire format is always deliberate.
/// </summary>
public sealed class WireNamesTests
{
    private static readonly Assembly ProtocolAssembly = typeof(NameTable<>).Assembly;

    private static List<(string Enum, long Number, string Member, string Name)> Pinned()
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Protocol", "wire-names.tsv");
        return File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .Select(f => (f[0], long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[2], f[3])).ToList();
    }

    private static IEnumerable<Type> Enums() => ProtocolAssembly.GetTypes().Where(t => t.IsEnum && t.IsPublic);

    private static (string Name, Func<object, string> Write, Func<string, object?> Read) Table(Type enumType)
    {
        Type names = ProtocolAssembly.GetType("TokenMatch.Protocol." + enumType.Name + "Names")
            ?? throw new AssertionException($"{enumType.Name} has no {enumType.Name}Names table");
        object table = names.GetField("Table")!.GetValue(null)!;
        MethodInfo name = table.GetType().GetMethod("Name")!;
        MethodInfo parse = table.GetType().GetMethod("TryParse")!;
        return (enumType.Name, v => (string)name.Invoke(table, [v])!, s =>
        {
            object?[] args = [s, null];
            return (bool)parse.Invoke(table, args)! ? args[1] : null;
        });
    }

    [Test]
    public void Every_member_matches_the_pinned_table()
    {
        var pinned = Pinned();
        var actual = new List<(string, long, string, string)>();
        foreach (Type e in Enums())
        {
            var table = Table(e);
            foreach (object v in Enum.GetValues(e))
                actual.Add((e.Name, Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture), Enum.GetName(e, v)!, table.Write(v)));
        }
        Assert.That(actual.OrderBy(x => x).ToList(), Is.EqualTo(pinned.OrderBy(x => x).ToList()));
    }

    [Test]
    public void Every_name_reads_back_as_its_member()
    {
        foreach (var (enumName, number, _, name) in Pinned())
        {
            Type e = Enums().Single(t => t.Name == enumName);
            object? read = Table(e).Read(name);
            Assert.That(read, Is.Not.Null, $"{enumName} '{name}'");
            Assert.That(Convert.ToInt64(read, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(number), $"{enumName} '{name}'");
        }
    }

    [Test]
    public void Every_enum_has_its_table_in_the_registry()
    {
        MethodInfo table = typeof(WireNames).GetMethod(nameof(WireNames.Table))!;
        foreach (Type e in Enums())
            Assert.That(table.MakeGenericMethod(e).Invoke(null, null), Is.Not.Null, e.Name);
    }

    [Test]
    public void Unnamed_values_are_written_as_numbers_and_unknown_names_refused()
    {
        Assert.That(SideNames.Name((TokenMatch.Commands.Side)77), Is.EqualTo("77"));
        Assert.That(SideNames.TryParse("Buy", out _), Is.False);
        Assert.That(TimeInForceNames.TryParse("good-till-cycle", out var tif) && tif == TokenMatch.Commands.TimeInForce.GoodTillCycle);
        Assert.That(TimeInForceNames.Name(TokenMatch.Commands.TimeInForce.GoodTillCycle), Is.EqualTo("gtc"));
    }
}
