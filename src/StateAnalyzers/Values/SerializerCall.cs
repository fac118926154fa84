using Microsoft.CodeAnalysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Values;

/// <summary>Serializers whose output grows with the object graph: System.Text.Json, Newtonsoft.Json, XmlSerializer.</summary>
internal static class SerializerCall
{
    public static bool IsSerializer(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return (method.Name is "Serialize" or "SerializeToUtf8Bytes" && QualifiedNames.Is(type, "System.Text.Json.JsonSerializer"))
            || (method.Name == "SerializeObject" && QualifiedNames.Is(type, "Newtonsoft.Json.JsonConvert"))
            || (method.Name == "Serialize" && QualifiedNames.Is(type, "System.Xml.Serialization.XmlSerializer"));
    }

    public static string Describe(IMethodSymbol method) => method.ContainingType!.Name + "." + method.Name;
}
