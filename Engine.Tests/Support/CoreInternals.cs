using System.Reflection;
using TokenMatch.Core;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Tests.Support;

/// <summary>
/// Reaches into a core's private state, for tests that must change exactly one field (the state-hash
/// tests) where no command changes that field alone. Reflection by field name: a rename in the core
/// fails these tests loudly rather than silently.
/// </summary>
public static class CoreInternals
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, Private | BindingFlags.Public)
        ?? throw new MissingFieldException(type.Name, name);

    /// <summary>A private field of the core.</summary>
    public static T Get<T>(ExchangeCore core, string name) => (T)Field(typeof(ExchangeCore), name).GetValue(core)!;

    /// <summary>Sets a private field of the core.</summary>
    public static void Set<T>(ExchangeCore core, string name, T value) => Field(typeof(ExchangeCore), name).SetValue(core, value);

    /// <summary>A field, private or public, of any object.</summary>
    public static T Read<T>(object target, string name) => (T)Field(target.GetType(), name).GetValue(target)!;

    /// <summary>Sets a field, private or public, of any object.</summary>
    public static void Write<T>(object target, string name, T value) => Field(target.GetType(), name).SetValue(target, value);

    /// <summary>The live market object of an id.</summary>
    public static Market Market(ExchangeCore core, int id) => Get<Market?[]>(core, "_markets")[id]!;

    /// <summary>The live account object of an id.</summary>
    public static Account Account(ExchangeCore core, int id) => Get<AccountTable>(core, "_accounts").Get(id);

    /// <summary>The order pool.</summary>
    public static OrderPool Orders(ExchangeCore core) => Get<OrderPool>(core, "_orders");

    /// <summary>The pool slot of a live order id.</summary>
    public static int Slot(ExchangeCore core, long orderId) =>
        Get<OrderIndex>(core, "_orderIndex").TryGetValue(orderId, out int slot) ? slot : throw new KeyNotFoundException($"order {orderId}");

    /// <summary>
    /// Changes one field of <paramref name="target"/> (a class instance) to a different value of its
    /// type and returns the action that puts the old value back.
    /// </summary>
    public static Action Bump(object target, string name)
    {
        FieldInfo f = Field(target.GetType(), name);
        object old = f.GetValue(target)!;
        f.SetValue(target, Different(old));
        return () => f.SetValue(target, old);
    }

    /// <summary>Changes one field of a pooled order and returns the action that puts the old value back.</summary>
    public static Action BumpOrder(ExchangeCore core, long orderId, string name)
    {
        Order[] slots = (Order[])Field(typeof(OrderPool), "_orders").GetValue(Orders(core))!;
        int slot = Slot(core, orderId);
        FieldInfo f = Field(typeof(Order), name);
        object boxed = slots[slot];
        object old = f.GetValue(boxed)!;
        f.SetValue(boxed, Different(old));
        slots[slot] = (Order)boxed;
        return () =>
        {
            object back = slots[slot];
            f.SetValue(back, old);
            slots[slot] = (Order)back;
        };
    }

    /// <summary>A value of the same type that differs from <paramref name="value"/>.</summary>
    private static object Different(object value) => value switch
    {
        long l => l + 1,
        int i => i + 1,
        bool b => !b,
        Enum e => Enum.ToObject(e.GetType(), Convert.ToInt64(e) == 1 ? 2 : 1),
        _ => throw new NotSupportedException(value.GetType().Name),
    };
}
