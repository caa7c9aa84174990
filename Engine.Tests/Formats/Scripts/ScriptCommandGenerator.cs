using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Formats.Scripts;
using TokenMatch.Commands;

namespace TokenMatch.Tests.Formats.Scripts;

/// <summary>
/// Generates commands that a script line can carry: any verb, each of its fields set or left at its
/// default, values across the whole range of their kind (extremes and unnamed enum bytes included).
/// </summary>
public static class ScriptCommandGenerator
{
    /// <summary>Any 64-bit value, spread evenly.</summary>
    public static readonly Gen<long> AnyLong =
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(p => ((long)p.Item1 << 32) | (uint)p.Item2);

    private static readonly Gen<long> Integer = Gen.Frequency(
        (4, Gen.Choose(-1_000, 1_000_000).Select(i => (long)i)),
        (4, AnyLong),
        (1, Gen.Elements(0L, 1L, -1L, long.MinValue, long.MaxValue)));

    private static readonly Gen<long> Id = Gen.Frequency(
        (4, Gen.Choose(-2, 1_000)),
        (1, Gen.Elements(int.MinValue, int.MaxValue)),
        (1, Gen.Choose(int.MinValue, int.MaxValue))).Select(i => (long)i);

    private static readonly Gen<long> EnumByte = Gen.Frequency(
        (9, Gen.Choose(0, 5)),
        (1, Gen.Choose(0, 255))).Select(i => (long)i);

    private static readonly Gen<string> Symbol =
        from length in Gen.Choose(1, 16)
        from first in Gen.Choose('!' + 1, '~').Where(c => c != '#')
        from rest in Gen.ArrayOf(Gen.Choose('!', '~'), length - 1)
        select (char)first + new string(rest.Select(c => (char)c).ToArray());

    /// <summary>A command of any verb.</summary>
    public static Gen<Command> AnyCommand() =>
        Gen.Elements(ScriptVerbs.All.ToArray()).SelectMany(For);

    /// <summary>A command of one verb.</summary>
    public static Gen<Command> For(ScriptVerb verb)
    {
        Gen<Command> gen = AnyLong.Select(t => new Command { Type = verb.Type, Timestamp = t });
        foreach (ScriptField field in verb.Fields)
        {
            Gen<Command> before = gen;
            Gen<Command> set = field.Kind switch
            {
                FieldKind.Symbol => from c in before from s in Symbol
                                    select c with { OrderId = MarketSymbol.PackLow(s), ClientId = MarketSymbol.PackHigh(s) },
                FieldKind.Origins => from c in before from o in Gen.Choose(0, 300).Four()
                                     select c with { A0 = o.Item1, A1 = o.Item2, A2 = o.Item3, A3 = o.Item4 },
                _ => from c in before from v in ValueOf(field.Kind) select field.Set!(c, v),
            };
            // Optional fields are sometimes left out (at their default).
            gen = field.Required ? set : Gen.Frequency((2, set), (1, before.Select(c => Default(field, c))));
        }
        return gen;
    }

    private static Command Default(ScriptField field, Command command) =>
        field.Default != 0 ? field.Set!(command, field.Default) : command;

    private static Gen<long> ValueOf(FieldKind kind) => kind switch
    {
        FieldKind.Id => Id,
        FieldKind.Time or FieldKind.Duration => Gen.Frequency((3, AnyLong), (1, Integer)),
        FieldKind.Side or FieldKind.OrderType or FieldKind.TimeInForce or FieldKind.Stp or FieldKind.Origin
            or FieldKind.Tier or FieldKind.Curve => EnumByte,
        _ => Integer,
    };
}
