using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.TempData;

/// <summary>
/// A value stored in TempData: <c>TempData["k"] = v</c>, <c>TempData.Add("k", v)</c>, an assigned <c>[TempData]</c>
/// property, or a call to a TempData helper in source, judged by what the caller passes.
/// </summary>
internal sealed class TempDataWrite
{
    public TempDataWrite(IOperation operation, string? key, IOperation value, IInvocationOperation? serializer = null, bool isProperty = false)
    {
        Operation = operation;
        Key = key;
        Value = value;
        Serializer = serializer;
        IsProperty = isProperty;
    }

    /// <summary>Where the write is reported: the assignment, the call, or the call to the helper.</summary>
    public IOperation Operation { get; }

    /// <summary>The TempData key when it is a constant (a <c>[TempData]</c> property's key is its name or its <c>Key</c>).</summary>
    public string? Key { get; }

    /// <summary>What is stored; at a helper's call site, the argument the helper stores.</summary>
    public IOperation Value { get; }

    /// <summary>The serializer call inside a helper that serializes <see cref="Value"/> before storing it.</summary>
    public IInvocationOperation? Serializer { get; }

    /// <summary>A <c>[TempData]</c> property, shown by its name rather than as a quoted key.</summary>
    public bool IsProperty { get; }

    /// <summary>The key as the message shows it: <c>"Cart"</c>, <c>StatusMessage</c>, or <c>(a computed key)</c>.</summary>
    public string DisplayName => Key is null ? "(a computed key)" : IsProperty ? Key : "\"" + Key + "\"";
}
